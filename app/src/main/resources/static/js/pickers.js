// Pickers instead of codes (issue 10 §4). Loaded by the pages that use them; the content security policy
// allows no inline script.
//  - A <select data-area-next="ID"> fills the select ID with the areas under the chosen one (/api/v1/areas)
//    and empties the lists below it.
//  - A container [data-scope-code="INPUT"][data-scope-level="SELECT"] copies the code of the list whose
//    data-level is the chosen scope level into INPUT (the administrator's user form).
//  - A [data-unit-search] block searches units by name or code (/api/v1/service-units?q=) and puts the chosen
//    unit's id into the input named by data-unit-search.
(function () {
  if (window.tonklaPickers) return;
  window.tonklaPickers = true;

  function reset(select) {
    if (!select) return;
    while (select.options.length > 1) select.remove(1);
    select.value = '';
    var next = select.getAttribute('data-area-next');
    if (next) reset(document.getElementById(next));
  }

  function label(area) {
    return document.documentElement.lang === 'en' && area.nameEn ? area.nameEn : area.nameTh;
  }

  function copyScope(container) {
    var input = document.getElementById(container.getAttribute('data-scope-code'));
    var level = document.getElementById(container.getAttribute('data-scope-level'));
    if (!input || !level) return;
    var list = container.querySelector('select[data-level="' + level.value + '"]');
    if (list) input.value = list.value;
  }

  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    var nextId = select.getAttribute('data-area-next');
    if (nextId) {
      var next = document.getElementById(nextId);
      reset(next);
      if (select.value) {
        fetch('/api/v1/areas?parent=' + encodeURIComponent(select.value), {headers: {Accept: 'application/json'}})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (areas) {
            areas.forEach(function (a) { next.add(new Option(label(a), a.code)); });
          });
      }
    }
    var scope = select.closest('[data-scope-code]');
    if (scope) copyScope(scope);
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-unit-search] button.unit-search');
    if (!button) return;
    event.preventDefault();
    var block = button.closest('[data-unit-search]');
    var input = document.getElementById(block.getAttribute('data-unit-search'));
    var query = block.querySelector('input[type=search]').value.trim();
    var results = block.querySelector('.unit-results');
    results.textContent = '';
    if (!query) return;
    fetch('/api/v1/service-units?limit=20&q=' + encodeURIComponent(query), {headers: {Accept: 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (units) {
        if (units.length === 0) {
          results.textContent = block.getAttribute('data-none');
          return;
        }
        units.forEach(function (u) {
          var choice = document.createElement('button');
          choice.type = 'button';
          choice.className = 'unit-choice';
          var code = u.schoolCode || u.hospcode;
          choice.textContent = (document.documentElement.lang === 'en' && u.nameEn ? u.nameEn : u.nameTh) + (code ? ' · ' + code : '');
          choice.addEventListener('click', function () {
            input.value = u.id;
            block.querySelector('.unit-chosen').textContent = choice.textContent;
            results.textContent = '';
          });
          results.appendChild(choice);
        });
      });
  });
})();
