/** Plain text with `code` spans in backticks, as quiz authors write it. */
export function Inline({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
