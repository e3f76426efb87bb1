// OpenID Connect Front-Channel Logout 1.0 §3: once the applications' logout pages in the iframes have
// loaded, continue to the application that asked to have the citizen back. The window's load event
// fires only after every iframe has loaded (or failed), so one listener covers them all; a page that
// never answers must not hold the citizen, hence the timeout. Without script the link stays visible.
// A static file, not an inline script, so the page keeps its strict Content-Security-Policy.
(function () {
  'use strict';
  var TIMEOUT_MS = 5000;
  var gone = false;
  function next() {
    var link = document.querySelector('a[data-logout-continue]');
    if (link && !gone) {
      gone = true;
      window.location.replace(link.href);
    }
  }
  if (document.readyState === 'complete') {
    next();
  } else {
    window.addEventListener('load', next);
  }
  window.setTimeout(next, TIMEOUT_MS);
})();
