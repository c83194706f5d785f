// Root page only: go to the first language the browser prefers among those the site has (the
// list is on the script tag, written from src/lib/languages.ts); English otherwise.
(function () {
  var script = document.currentScript;
  var available = ((script && script.getAttribute('data-languages')) || '').split(' ').filter(Boolean);
  if (available.length === 0) return; // The page's links still lead to every language.
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split('-')[0];
    if (available.indexOf(code) !== -1) return location.replace('/' + code + '/');
  }
  location.replace('/' + available[0] + '/');
})();
