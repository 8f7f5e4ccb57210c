// @grafana/ui's Icon fetches its SVG from Grafana's public/img/icons through react-inlinesvg; in jest there is
// no Grafana to serve it, so (as create-plugin's .config/jest/mocks/react-inlinesvg.tsx does) every icon is an
// empty SVG whose test id is the icon's name.
const { createElement } = require('react');

const SVG_FILE_NAME = /(.+)\/(.+)\.svg$/;

// eslint-disable-next-line react/prop-types -- a test stand-in for a library's component, whose types are its own
function InlineSVG({ src }) {
  return createElement('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    'data-testid': String(src).replace(SVG_FILE_NAME, '$2'),
    viewBox: '0 0 24 24',
  });
}

module.exports = InlineSVG;
module.exports.default = InlineSVG;
