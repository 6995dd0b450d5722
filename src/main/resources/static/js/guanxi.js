// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A select marked data-submit-on-change sends its form when a choice is made (no inline handlers:
// the pages' Content-Security-Policy runs scripts from files only).
document.addEventListener('change', function (event) {
  var select = event.target.closest ? event.target.closest('select[data-submit-on-change]') : null;
  if (select && select.form) {
    select.form.submit();
  }
});

// A form marked data-confirm asks before it is sent (a delete): the attribute holds the question.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// On a phone the sidebar hides behind the menu button of the top bar, which opens and closes it.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('.menu-button') : null;
  if (!button) {
    return;
  }
  var sidebar = document.getElementById(button.getAttribute('aria-controls'));
  var open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (sidebar) {
    sidebar.classList.toggle('open', open);
  }
});
