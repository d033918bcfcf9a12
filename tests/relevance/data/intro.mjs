/**
 * What the documentation extractors share: an article's intro cut to a summary's length, at the
 * end of a sentence where one ends late enough, else at a word with an ellipsis.
 */
export function cutAtSentence(text, max = 600) {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (end > 120) return head.slice(0, end + 1);
  return `${head.slice(0, head.lastIndexOf(' '))}…`;
}
