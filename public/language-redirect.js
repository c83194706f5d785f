// Root page only: go to the French site when the browser prefers French, else English.
(function () {
  var preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  location.replace(/^fr\b/i.test(preferred) ? '/fr/' : '/en/');
})();
