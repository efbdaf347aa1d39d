// MudBlazor's stylesheet is 613 KB for every component it has; this site renders a handful, on the server. The build
// keeps the rules of those (and of the utility classes our markup names), so the stylesheet the first paint waits
// for is small (css/mud.css, git-ignored). A component newly used must be added to `components` below.
const components = ['appbar', 'toolbar', 'layout', 'main-content', 'paper', 'typography', 'chip', 'alert', 'button', 'icon', 'ripple',
  'chart', 'charts', 'elevation', 'svg', 'spacer', 'input', 'theme', 'primary', 'secondary', 'info', 'success', 'warning', 'error',
  'default', 'inherit', 'dark', 'surface', 'text'];
module.exports = {
  content: ['Components/**/*.razor', 'Map/**/*.razor', 'Favourites/**/*.razor', 'Replay/**/*.razor', 'Forecast/**/*.razor', 'wwwroot/js/*.js'],
  safelist: {
    standard: ['html', 'body', 'a', 'button', 'svg', 'path', 'input', 'select', 'label', 'p', 'h2', 'h6', 'ul', 'ol', 'li', 'table', 'fieldset',
      new RegExp(`^mud-(${components.join('|')})`), /^(apexcharts|velib)/],
    greedy: [/mud-chart/, /mud-charts/],
  },
  variables: false,
  keyframes: true,
};
