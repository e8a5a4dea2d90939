// Répertoire — optional enhancement: forms marked data-autosubmit submit as soon as a choice
// changes (the sort order), and hide their button. Every page works without this file.
/* global document */
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    var button = form.querySelector('button[type="submit"]');
    if (button) button.hidden = true;
    form.addEventListener('change', function () {
      form.submit();
    });
  });
});
