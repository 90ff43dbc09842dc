// Asks before a change that is easy to make by accident (accepting a whole assessment, a transfer,
// removing a staff member, resolving a health note). Put data-confirm="question" on the submit
// button or on the form; the submit goes ahead only when the user agrees. The server enforces the
// rules as well: this only spares the user a click they did not mean. An external file, because the
// content security policy allows no inline script.
(function () {
  if (window.tonklaConfirm) return;
  window.tonklaConfirm = true;
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var question = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) event.preventDefault();
  }, true);
})();
