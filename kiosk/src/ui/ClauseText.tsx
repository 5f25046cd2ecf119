// A message with a second clause ("未能识别，请联系工作人员人工补签") as a heading in two lines: the what large, the
// what-to-do smaller under it. In one block of very large type it broke mid-word ("工作人 / 员人工补签").
export function ClauseText({ text, className }: { text: string; className: string }) {
  const cut = text.indexOf('，');
  if (cut < 0 || cut === text.length - 1) return <h1 className={className}>{text}</h1>;
  return (
    <h1 className={`${className} two-clause`}>
      {text.slice(0, cut + 1)}
      <span className="second-clause">{text.slice(cut + 1)}</span>
    </h1>
  );
}
