// Velib.Lake's command line: `import PATH…` (see Cli/). Program only wires.
return await Velib.Lake.Cli.LakeCommandLine.InvokeAsync(args);
