/*
 * Shipyard's SCORM 1.2 launcher (the package's only SCO). It finds the LMS's API object with
 * the standard discovery walk (up the parent frames, then the opener's), frames the hosted
 * course, and relays what the course reports by postMessage — only from the course's origin
 * and frame — into cmi.core.score.*, cmi.core.lesson_status and cmi.suspend_data. It calls
 * LMSFinish when the learner exits or the page goes away.
 *
 * A plain script with no build step and no dependencies: the package ships it as written.
 */
(function () {
  'use strict';
  var COURSE_URL = '__COURSE_URL__';
  var SOURCE = 'shipyard-scorm';
  var SUSPEND_LIMIT = 4096; // SCORM 1.2's cmi.suspend_data: CMIString4096
  var STATUSES = { passed: 1, completed: 1, failed: 1, incomplete: 1, browsed: 1 };

  var statusEl = document.getElementById('status');
  var frame = document.getElementById('course');
  var exitButton = document.getElementById('exit');
  var courseOrigin = new URL(COURSE_URL, location.href).origin;
  var api = null;
  var finished = false;
  var started = new Date().getTime();
  var lastStatus = '';

  function say(text) {
    statusEl.textContent = text;
  }

  /** ADL's discovery algorithm: walk up the parents (at most 500 hops), then try the opener. */
  function scanForApi(win) {
    var hops = 0;
    while (win && !win.API && win.parent && win.parent !== win && hops < 500) {
      hops++;
      win = win.parent;
    }
    return win && win.API ? win.API : null;
  }
  function findApi() {
    try {
      return scanForApi(window) || (window.opener ? scanForApi(window.opener) : null);
    } catch {
      return null; // a cross-origin frame in the chain: there is no reachable API
    }
  }

  function set(element, value) {
    if (!api) return false;
    var ok = String(api.LMSSetValue(element, String(value))) === 'true';
    if (!ok && window.console)
      console.warn('LMSSetValue(' + element + ') failed: ' + api.LMSGetLastError());
    return ok;
  }

  /** "HHHH:MM:SS.SS" (CMITimespan). */
  function timespan(ms) {
    var s = Math.max(0, ms) / 1000;
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = (s % 60).toFixed(2);
    function pad(n, w) {
      n = String(n);
      while (n.length < w) n = '0' + n;
      return n;
    }
    return pad(h, 4) + ':' + pad(m, 2) + ':' + pad(sec, 5);
  }

  function relay(message) {
    if (!api || finished) return;
    var score = Number(message.scoreRaw);
    if (!isFinite(score) || score < 0 || score > 100) return;
    if (!STATUSES[message.status]) return;
    set('cmi.core.score.min', '0');
    set('cmi.core.score.max', '100');
    set('cmi.core.score.raw', String(Math.round(score * 100) / 100));
    set('cmi.core.lesson_status', message.status);
    lastStatus = message.status;
    if (typeof message.suspendData === 'string' && message.suspendData.length <= SUSPEND_LIMIT)
      set('cmi.suspend_data', message.suspendData);
    api.LMSCommit('');
    say('Your LMS has your progress: ' + Math.round(score) + ' %, ' + message.status + '.');
  }

  function finish() {
    if (!api || finished) return;
    finished = true;
    set('cmi.core.session_time', timespan(new Date().getTime() - started));
    set('cmi.core.exit', lastStatus === 'passed' || lastStatus === 'completed' ? '' : 'suspend');
    api.LMSCommit('');
    api.LMSFinish('');
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== courseOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== SOURCE || data.version !== 1) return;
    if (data.type === 'ready') {
      var resume = api ? String(api.LMSGetValue('cmi.suspend_data') || '') : '';
      frame.contentWindow.postMessage(
        { source: SOURCE, version: 1, type: 'hello', suspendData: resume.slice(0, SUSPEND_LIMIT) },
        courseOrigin,
      );
    } else if (data.type === 'progress') relay(data);
  });

  exitButton.addEventListener('click', function () {
    finish();
    say('Saved. You can close this window.');
    exitButton.disabled = true;
  });
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
  window.addEventListener('unload', finish);

  api = findApi();
  if (api && String(api.LMSInitialize('')) === 'true') {
    var status = String(api.LMSGetValue('cmi.core.lesson_status'));
    if (status === 'not attempted' || status === '') set('cmi.core.lesson_status', 'incomplete');
    lastStatus = status === 'not attempted' ? 'incomplete' : status;
    say('Connected to your LMS. Your progress is reported as you work.');
  } else {
    api = null;
    say('No LMS connection was found: the course works, but your progress is not reported.');
    exitButton.hidden = true;
  }
  var url = new URL(COURSE_URL, location.href);
  url.searchParams.set('lms', 'scorm');
  frame.src = url.href;
})();
