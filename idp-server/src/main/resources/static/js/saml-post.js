// SAML HTTP-POST binding (SAML Bindings §3.5.4): submits the first form marked data-auto-submit.
// A static file, not an inline script, so the page keeps its strict Content-Security-Policy.
(function () {
  'use strict';
  function submit() {
    var form = document.querySelector('form[data-auto-submit]');
    if (form) {
      form.submit();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', submit);
  } else {
    submit();
  }
})();
