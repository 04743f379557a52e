/** @module The board report page's progress: builds the report in the background, says what it is doing, then downloads it. Without it, the form posts and the download simply starts. */
const form = document.querySelector('[data-board-report-form]');
const status = form && form.querySelector('[data-board-report-progress]');
const button = form && form.querySelector('[data-board-report-submit]');

function fileNameOf(response) {
  const disposition = response.headers.get('content-disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return match ? match[1] : 'board-report';
}

if (form && status && button && window.fetch && window.URL && window.URL.createObjectURL) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Building the report: working out the figures from the records and drawing the charts…';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        // Something to correct: post the form the ordinary way, so the page shows what is wrong beside each field.
        status.textContent = 'Checking what you entered…';
        HTMLFormElement.prototype.submit.call(form);
        return;
      }
      status.textContent = 'Preparing the download…';
      const fileName = fileNameOf(response);
      const address = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = address;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(address), 60_000);
      status.textContent = `The report is ready: ${fileName} has been downloaded.`;
    } catch {
      status.textContent = 'The report could not be built. Try again; if it keeps failing, tell the Cairn administrator.';
    } finally {
      button.disabled = false;
    }
  });
}
