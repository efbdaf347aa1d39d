// Writes wwwroot/css/mud.css: MudBlazor's stylesheet trimmed to what this site renders (see purgecss.config.cjs).
// Run by the build (Velib.Web.csproj, target TrimMudBlazorCss) with the package's stylesheet as its argument.
import { PurgeCSS } from 'purgecss';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const config = createRequire(import.meta.url)('./purgecss.config.cjs');
const [source, target] = process.argv.slice(2);
const [result] = await new PurgeCSS().purge({ ...config, css: [source] });
mkdirSync(new URL('.', `file://${process.cwd()}/${target}`), { recursive: true });
writeFileSync(target, result.css);
console.log(`${target}: ${result.css.length} bytes from MudBlazor's stylesheet`);
