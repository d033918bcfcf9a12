import { highlight } from '@/utils/search/highlight';

interface Props {
  text: string;
  /** The index terms the search matched (searchItems' `matched`); none: the text as it is. */
  matched?: readonly string[];
}

/** Text with the words a search matched in <mark>: text nodes only, never HTML. */
export function Highlighted({ text, matched = [] }: Props) {
  return (
    <>
      {highlight(text, matched).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
