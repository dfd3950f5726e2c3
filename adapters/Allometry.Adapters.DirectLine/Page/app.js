// The demo page: pick who you are, talk to the bot through the real Web Chat client over this
// host's Direct Line channel, and post the morning digest or weekly summary on demand.
(function () {
  'use strict';
  var language = new URLSearchParams(location.search).get('lang') === 'fr' ? 'fr' : 'en';
  var persona = null;
  var store = null;

  function translate() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-' + language + ']').forEach(function (el) { el.textContent = el.getAttribute('data-' + language); });
    document.querySelectorAll('.languages button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.lang === language)); });
    document.querySelectorAll('button.post').forEach(function (b) { b.disabled = !store; });
  }

  function send(text) {
    if (store) { store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } }); }
  }

  function start(p) {
    persona = p;
    document.querySelectorAll('#personas button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.id === p.id)); });
    fetch('/webchat/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: p.id }) })
      .then(function (r) { if (!r.ok) { throw new Error('token ' + r.status); } return r.json(); })
      .then(function (t) {
        var chat = document.getElementById('chat');
        chat.innerHTML = '';
        store = window.WebChat.createStore();
        window.WebChat.renderWebChat({
          directLine: window.WebChat.createDirectLine({ token: t.token, domain: location.origin + '/v3/directline', webSocket: true }),
          store: store,
          userID: p.id,
          username: p.name,
          locale: language === 'fr' ? 'fr-FR' : 'en-US',
          styleOptions: { bubbleMaxWidth: 640, botAvatarInitials: 'A', userAvatarInitials: p.name.split(' ').map(function (s) { return s[0]; }).join('') }
        }, chat);
        translate();
      })
      .catch(function (e) { document.getElementById('chat').textContent = String(e); });
  }

  function load() {
    fetch('/webchat/personas').then(function (r) { return r.json(); }).then(function (list) {
      var ul = document.getElementById('personas');
      list.forEach(function (p) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.dataset.id = p.id;
        b.textContent = p.name;
        var role = document.createElement('span');
        role.className = 'role';
        role.textContent = p.role;
        b.appendChild(role);
        b.addEventListener('click', function () { start(p); });
        li.appendChild(b);
        ul.appendChild(li);
      });
    });
  }

  document.querySelectorAll('.languages button').forEach(function (b) {
    b.addEventListener('click', function () { language = b.dataset.lang; translate(); if (persona) { start(persona); } });
  });
  document.getElementById('post-digest').addEventListener('click', function () { send(language === 'fr' ? 'sommaire du matin' : 'morning digest'); });
  document.getElementById('post-weekly').addEventListener('click', function () { send(language === 'fr' ? 'sommaire' : 'summary'); });
  document.getElementById('post-help').addEventListener('click', function () { send(language === 'fr' ? 'aide' : 'help'); });
  translate();
  load();
})();
