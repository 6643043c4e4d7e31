// Puppeteer's own postinstall aborts `npm ci` when its browser cannot be downloaded (offline
// machines, CI). scripts/install-browser.mjs tries the same download and only warns on failure.
module.exports = { skipDownload: true };
