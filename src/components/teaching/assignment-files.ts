/** Small browser helpers shared by the teaching pages: downloads, reading picked files. */

export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Reads a picked or dropped file as text, refusing one larger than `maxBytes` unread. */
export async function readText(
  file: File,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes)
    return {
      ok: false,
      message: `is ${(file.size / 1e6).toFixed(1)} MB; at most ${maxBytes / 1e6} MB is read`,
    };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: 'could not be read' };
  }
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
