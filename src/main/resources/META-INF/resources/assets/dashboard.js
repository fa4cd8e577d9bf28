// The dashboard's behaviour: draws the chart from the server's data, follows running jobs over Server-Sent Events
// and swaps in server-rendered fragments. No framework: the HTML comes from the server.
(function () {
  'use strict';

  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const followed = new Map(); // job id -> EventSource
  let chart = null;
  let jobsRefreshQueued = false;
  let dayRequests = 0;

  // ---- API key (only when the server requires one) -------------------------------------------------------------

  // Asked once, kept for this tab only, sent with every request: as X-API-Key on fetches, and as the api_key query
  // parameter on the event stream, since EventSource cannot send headers (the server accepts it there only).
  const KEY = 'aitrader.apiKey';
  const storedKey = () => sessionStorage.getItem(KEY);

  function withKey(headers) {
    const key = storedKey();
    if (key) {
      headers['X-API-Key'] = key;
    }
    return headers;
  }

  function streamUrl(url) {
    const key = storedKey();
    return key ? url + (url.includes('?') ? '&' : '?') + 'api_key=' + encodeURIComponent(key) : url;
  }

  function askForKey(note) {
    const form = $('#key-form');
    if (note) {
      $('#key-note').textContent = note;
    }
    if (form.hidden) {
      form.hidden = false;
      $('#api-key').focus();
    }
  }

  // The page came without data (keys on, and a browser cannot send the key with a navigation): fill every panel.
  async function unlock() {
    $('#key-form').hidden = true;
    try {
      $('#jobs').innerHTML = await fetchText('/dashboard/fragments/jobs');
    } catch (e) {
      return; // fetchText asked for the key again
    }
    document.body.dataset.locked = 'false';
    followActiveJobs();
    refreshPerformance(location.search);
  }

  const money = (value, sign = '$') => sign + Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  async function fetchText(url) {
    const response = await fetch(url, { headers: withKey({ Accept: 'text/html' }) });
    if (response.status === 401) {
      const refused = storedKey() !== null;
      sessionStorage.removeItem(KEY);
      askForKey(refused ? 'The API key was refused. Enter a valid key.' : null);
      throw new Error(url + ' needs an API key');
    }
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.text();
  }

  function showProblem(text) {
    const bar = $('#problem');
    bar.textContent = text;
    bar.hidden = !text;
  }

  // ---- chart -------------------------------------------------------------------------------------------------

  function drawChart() {
    const box = $('#chart-box');
    if (chart) {
      chart.destroy();
      chart = null;
    }
    if (!box || !window.Chart) {
      return;
    }
    const data = JSON.parse(box.dataset.chart || '{}');
    const line = (series, extra) => Object.assign({
      label: series.label, data: series.values, borderColor: series.color, backgroundColor: series.color,
      borderWidth: 2, pointRadius: 0, pointHoverRadius: 4, pointHitRadius: 6, tension: 0, spanGaps: true
    }, extra || {});
    const datasets = (data.datasets || []).map((series) => line(series));
    // A replica group's band: its replicas' min and max each day, the space between them shaded.
    (data.bands || []).forEach((band) => {
      const edge = { borderWidth: 0, pointRadius: 0, pointHitRadius: 0, spanGaps: true, band: true };
      datasets.push(Object.assign({ label: band.label + ' low', data: band.low, borderColor: 'transparent',
        backgroundColor: 'transparent', fill: false }, edge));
      datasets.push(Object.assign({ label: band.label, data: band.high, borderColor: 'transparent',
        backgroundColor: band.color + '26', fill: '-1' }, edge));
    });
    if (data.benchmark) {
      // order −1 draws it over a model that holds the same symbol, which would otherwise hide it.
      datasets.push(line(data.benchmark, { borderDash: [6, 4], borderWidth: 2, order: -1, benchmark: true }));
    }
    const canvas = $('#equity-chart');
    chart = new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.labels || [], datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 18, color: '#6b7280' } },
          y: { grid: { color: '#eef0f4' }, ticks: { color: '#6b7280', callback: (v) => (data.currency || '$') + Number(v).toLocaleString('en-US') } }
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: { boxWidth: 14, boxHeight: 3, padding: 14, color: '#374151', sort: (a, b) => a.datasetIndex - b.datasetIndex,
              filter: (item, chartData) => !(chartData.datasets[item.datasetIndex].band && item.text.endsWith(' low')) }
          },
          tooltip: {
            itemSort: (a, b) => (b.parsed.y || 0) - (a.parsed.y || 0),
            filter: (item) => !item.dataset.band,
            callbacks: { label: (item) => ' ' + item.dataset.label + ': ' + (item.parsed.y == null ? '—' : money(item.parsed.y, data.currency || '$')) }
          }
        },
        onClick: (event) => {
          const hits = chart.getElementsAtEventForMode(event, 'nearest', { intersect: false }, true);
          const hit = hits.find((h) => !chart.data.datasets[h.datasetIndex].benchmark
            && !chart.data.datasets[h.datasetIndex].band);
          if (hit) {
            loadDay(chart.data.datasets[hit.datasetIndex].label, chart.data.labels[hit.index]);
          }
        }
      }
    });
    // What the chart shows, for people reading the DOM and for the browser test.
    canvas.dataset.seriesCount = String(datasets.filter((d) => !d.band).length);
    canvas.dataset.bandCount = String((data.bands || []).length);
    canvas.dataset.seriesLabels = JSON.stringify(datasets.filter((d) => !d.band).map((d) => d.label));
  }

  // ---- model-day ---------------------------------------------------------------------------------------------

  // Fills the model and day pickers from the performance fragment; keeps the choice, and follows the newest day
  // when that was the one chosen. True when what is shown is still what is chosen.
  function fillDaySelects() {
    const modelSelect = $('#day-model');
    const dateSelect = $('#day-date');
    const shown = $('#day-body .day');
    const keepModel = modelSelect.value || (shown && shown.dataset.model);
    const keepDate = dateSelect.value || (shown && shown.dataset.date);
    const followNewest = dateSelect.options.length === 0 || dateSelect.selectedIndex === 0;
    modelSelect.innerHTML = $('#day-models') ? $('#day-models').innerHTML : '';
    dateSelect.innerHTML = $('#day-dates') ? $('#day-dates').innerHTML : '';
    const has = (select, value) => Array.from(select.options).some((o) => o.value === value);
    if (keepModel && has(modelSelect, keepModel)) {
      modelSelect.value = keepModel;
    }
    if (keepDate && has(dateSelect, keepDate) && !followNewest) {
      dateSelect.value = keepDate;
    }
    return Boolean(shown) && shown.dataset.model === modelSelect.value && shown.dataset.date === dateSelect.value;
  }

  async function loadDay(model, date) {
    if (!model || !date) {
      return;
    }
    $('#day-model').value = model;
    $('#day-date').value = date;
    const ticket = ++dayRequests; // answers can overtake each other: only the latest choice is shown
    try {
      const html = await fetchText('/dashboard/fragments/day?model=' + encodeURIComponent(model)
        + '&date=' + encodeURIComponent(date));
      if (ticket === dayRequests) {
        $('#day-body').innerHTML = html;
      }
      showProblem('');
    } catch (e) {
      showProblem('Could not load ' + model + ' on ' + date + '.');
    }
  }

  // ---- range and leaderboard ---------------------------------------------------------------------------------

  async function refreshPerformance(query) {
    try {
      $('#performance').innerHTML = await fetchText('/dashboard/fragments/performance' + query);
      showProblem('');
    } catch (e) {
      showProblem('Could not refresh the leaderboard; retrying with the next update.');
      return;
    }
    wirePerformance();
    if (!fillDaySelects()) {
      loadDay($('#day-model').value, $('#day-date').value);
    }
  }

  function navigate(query) {
    history.pushState(null, '', location.pathname + query);
    refreshPerformance(query);
  }

  function wirePerformance() {
    drawChart();
    const form = $('#range-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      new FormData(form).forEach((value, key) => {
        if (value) {
          params.set(key, value);
        }
      });
      navigate(params.toString() ? '?' + params.toString() : '');
    });
    $$('.preset').forEach((link) => link.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(new URL(link.href).search);
    }));
    $$('.model-name').forEach((button) => button.addEventListener('click', () => {
      loadDay(button.dataset.model, $('#day-date').value);
      $('#day').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    }));
  }

  // ---- jobs --------------------------------------------------------------------------------------------------

  function refreshJobsSoon() {
    if (jobsRefreshQueued) {
      return;
    }
    jobsRefreshQueued = true;
    setTimeout(async () => {
      jobsRefreshQueued = false;
      try {
        $('#jobs').innerHTML = await fetchText('/dashboard/fragments/jobs');
      } catch (e) {
        return; // the next poll tries again
      }
      followActiveJobs();
    }, 250);
  }

  function followActiveJobs() {
    $$('#jobs .job[data-active="true"]').forEach((item) => {
      const id = item.dataset.jobId;
      if (followed.has(id)) {
        return;
      }
      const events = new EventSource(streamUrl('/simulate/events/' + encodeURIComponent(id)));
      followed.set(id, events);
      events.onmessage = (message) => {
        let event;
        try {
          event = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        refreshJobsSoon();
        if (event.finished) {
          events.close(); // otherwise EventSource reconnects to the ended stream
          followed.delete(id);
          refreshPerformance(location.search);
        }
      };
      events.onerror = () => {
        events.close();
        followed.delete(id); // the next poll follows it again if it is still active
      };
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('#api-key').value.trim();
      if (key) {
        sessionStorage.setItem(KEY, key);
        $('#api-key').value = '';
        unlock();
      }
    });
    if (document.body.dataset.locked === 'true') {
      if (storedKey()) {
        unlock();
      } else {
        askForKey();
      }
    }
    wirePerformance();
    fillDaySelects();
    $('#day-model').addEventListener('change', () => loadDay($('#day-model').value, $('#day-date').value));
    $('#day-date').addEventListener('change', () => loadDay($('#day-model').value, $('#day-date').value));
    window.addEventListener('popstate', () => refreshPerformance(location.search));
    followActiveJobs();
    setInterval(() => {
      if (document.visibilityState === 'visible' && $('#key-form').hidden) {
        refreshJobsSoon(); // picks up jobs started elsewhere
      }
    }, 5000);
  });
}());
