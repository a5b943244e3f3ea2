// Predict, then reveal: the reader types a gradient for each value; the page checks it against the chapter's run.
document.querySelectorAll('form.mg-predict').forEach(function (form) {
  var rows = form.querySelectorAll('[data-answer]');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var right = 0;
    rows.forEach(function (row) {
      var input = row.querySelector('input');
      var verdict = row.querySelector('.mg-verdict');
      var answer = parseFloat(row.getAttribute('data-answer'));
      var typed = parseFloat(input.value.replace(/\u2212/g, '-'));
      if (input.value.trim() === '') {
        verdict.textContent = 'type a number';
        row.className = 'mg-predict-row';
      } else if (isNaN(typed)) {
        verdict.textContent = '"' + input.value + '" is not a number';
        row.className = 'mg-predict-row mg-wrong';
      } else if (Math.abs(typed - answer) <= 1e-6 * Math.max(1, Math.abs(answer))) {
        verdict.textContent = 'right';
        row.className = 'mg-predict-row mg-right';
        right++;
      } else {
        verdict.textContent = 'not quite: ' + row.getAttribute('data-hint');
        row.className = 'mg-predict-row mg-wrong';
      }
    });
    form.querySelector('.mg-score').textContent = right + ' of ' + rows.length + ' right';
  });
  form.querySelector('.mg-reveal').addEventListener('click', function () {
    rows.forEach(function (row) {
      row.querySelector('.mg-verdict').textContent = 'the chapter computed ' + row.getAttribute('data-answer');
    });
  });
});
