// Opportunities: the board's drag and drop, the won/lost dialogs and the forecast chart.

// A card dropped on another column moves its deal: htmx posts the stage and the card comes back as it is now.
(function () {
  function column(event) {
    return event.target.closest ? event.target.closest('.cards[data-stage]') : null;
  }
  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest ? event.target.closest('[data-move]') : null;
    if (!card) return;
    event.dataTransfer.setData('text/plain', card.id);
    event.dataTransfer.effectAllowed = 'move';
    card.classList.add('dragging');
  });
  document.addEventListener('dragend', function (event) {
    var card = event.target.closest ? event.target.closest('[data-move]') : null;
    if (card) card.classList.remove('dragging');
  });
  document.addEventListener('dragover', function (event) {
    var target = column(event);
    if (!target) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    target.classList.add('over');
  });
  document.addEventListener('dragleave', function (event) {
    var target = column(event);
    if (target && !target.contains(event.relatedTarget)) target.classList.remove('over');
  });
  document.addEventListener('drop', function (event) {
    var target = column(event);
    if (!target) return;
    event.preventDefault();
    target.classList.remove('over');
    var card = document.getElementById(event.dataTransfer.getData('text/plain'));
    if (!card || card.dataset.stage === target.dataset.stage) return;
    target.prepend(card);
    card.classList.add('moving');
    htmx.ajax('POST', card.dataset.move, {
      source: card, target: card, swap: 'outerHTML',
      values: {stageId: target.dataset.stage, version: card.dataset.version}
    });
  });
})();

// Buttons with data-dialog open that dialog; data-close-dialog closes the dialog it is in.
document.addEventListener('click', function (event) {
  var opener = event.target.closest ? event.target.closest('[data-dialog]') : null;
  if (opener) {
    document.getElementById(opener.dataset.dialog).showModal();
    return;
  }
  var closer = event.target.closest ? event.target.closest('[data-close-dialog]') : null;
  if (closer) closer.closest('dialog').close();
});

// The forecast: won and weighted open amounts per month, stacked.
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('forecast-chart');
  if (!element || !window.echarts) return;
  var data = JSON.parse(element.dataset.chart);
  var chart = echarts.init(element);
  chart.setOption({
    // drawn on the canvas: an HTML tooltip carries inline styles, which the page's Content-Security-Policy refuses
    tooltip: {trigger: 'axis', renderMode: 'richText'},
    legend: {},
    grid: {left: 80, right: 20},
    xAxis: {type: 'category', data: data.months},
    yAxis: {type: 'value'},
    series: [
      {name: element.dataset.wonLabel, type: 'bar', stack: 'expected', data: data.won, itemStyle: {color: '#0f7b3d'}},
      {name: element.dataset.weightedLabel, type: 'bar', stack: 'expected', data: data.weighted, itemStyle: {color: '#b42318'}}
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
