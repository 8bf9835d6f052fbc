// Stand-in for p12-pem (see package.json): fails loudly if anything calls it.
function unavailable() {
  throw new Error('p12-pem is not installed in the Kizuna TAK client suite; pass PEM keys instead of a .p12');
}
module.exports = { getPemFromP12: unavailable };
