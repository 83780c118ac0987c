/** Files a lead or agent exchanges (rules, results, CSV): written by a download, read from a picked file. */

/** Hands `text` to the browser as a downloaded file. */
export function downloadFile(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A button that picks a JSON file and passes its text on (the same file can be picked twice in a row). */
export function JsonFileButton({ label, name, onText }: { label: string; name: string; onText(text: string): void | Promise<void> }) {
  return (
    <label class="button button--small file-button">
      {label}
      <input
        type="file"
        name={name}
        accept="application/json,.json"
        class="visually-hidden"
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) await onText(await file.text());
        }}
      />
    </label>
  );
}
