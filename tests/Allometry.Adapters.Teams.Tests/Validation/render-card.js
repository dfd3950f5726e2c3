// Renders window.ALLOMETRY_CARD with the official adaptivecards renderer (loaded before this
// script) into #card, with a host config close to Teams' light theme. Sets
// <body data-rendered="ok"> on success, or data-rendered="failed" and the error text, so a
// --dump-dom run can tell whether the card rendered.
(function () {
  'use strict';
  var AC = window.AdaptiveCards;
  var body = document.body;
  try {
    var card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig({
      fontFamily: "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', sans-serif",
      spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
      separator: { lineThickness: 1, lineColor: '#E1DFDD' },
      fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 26 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
      actions: { maxActions: 5, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 12 },
        actionsOrientation: 'horizontal', actionAlignment: 'left' },
      containerStyles: {
        default: { backgroundColor: '#FFFFFF', foregroundColors: {
          default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
          attention: { default: '#C4314B', subtle: '#D9687A' }, good: { default: '#237B4B', subtle: '#5A9E78' },
          warning: { default: '#835B00', subtle: '#A88236' } } },
        emphasis: { backgroundColor: '#F5F5F5' },
        accent: { backgroundColor: '#E8EBFA' },
        good: { backgroundColor: '#E7F2DA' },
        attention: { backgroundColor: '#FCF4F6' },
        warning: { backgroundColor: '#FBF6D9' },
      },
    });
    card.parse(window.ALLOMETRY_CARD);
    var element = card.render();
    document.getElementById('card').appendChild(element);
    // Open ShowCards by title, in order (e.g. "More…" then an action's inputs), to picture a form.
    (window.ALLOMETRY_EXPAND || []).forEach(function (title) {
      var buttons = element.querySelectorAll('button');
      for (var i = 0; i < buttons.length; i++) {
        if (buttons[i].textContent.indexOf(title) >= 0) { buttons[i].click(); return; }
      }
      throw new Error('No button titled ' + title);
    });
    body.setAttribute('data-rendered', 'ok');
  } catch (e) {
    body.setAttribute('data-rendered', 'failed');
    document.getElementById('card').textContent = 'RENDER FAILED: ' + e;
  }
})();
