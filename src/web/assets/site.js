// Répertoire — optional enhancements; every page works without this file.
// - Forms marked data-autosubmit (the sort order) submit as soon as a choice is made with the
//   pointer. Their button stays: from the keyboard, the arrows change a closed select's value at
//   each press, and leaving the page then would be a change of context the reader did not ask for.
// - The search facets are links marked role="checkbox": Space toggles them, as it does a checkbox
//   (Enter follows the link, with or without this file).
/* global document */
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    var keyboard = false;
    form.addEventListener('keydown', function () {
      keyboard = true;
    });
    form.addEventListener('pointerdown', function () {
      keyboard = false;
    });
    form.addEventListener('change', function () {
      if (!keyboard) form.submit();
    });
  });
});
document.addEventListener('keydown', function (event) {
  var target = event.target;
  if (event.key !== ' ' || event.altKey || event.ctrlKey || event.metaKey || !target || target.tagName !== 'A') return;
  if (target.getAttribute('role') !== 'checkbox') return;
  event.preventDefault();
  target.click();
});
