// Markdown rendered safely (GitHub-flavoured, raw HTML never rendered) with the portal's type scale.
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";

export function MarkdownView({ markdown, className }: { markdown: string; className?: string }) {
  return (
    <div
      className={cn(
        "max-w-none text-base leading-7 text-fg",
        "[&_h1]:mb-4 [&_h1]:text-2xl [&_h1]:font-bold [&_h2]:mt-8 [&_h2]:mb-3 [&_h2]:border-b [&_h2]:border-border [&_h2]:pb-1 [&_h2]:text-xl [&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-lg",
        "[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
        "[&_a]:text-link [&_a]:underline [&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em]",
        "[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-surface-muted [&_pre]:p-3 [&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-4 [&_blockquote]:text-fg-muted",
        "[&_table]:my-4 [&_table]:w-full [&_table]:border-collapse [&_table]:text-sm [&_td]:border [&_td]:border-border [&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top [&_th]:border [&_th]:border-border [&_th]:bg-surface-muted [&_th]:px-3 [&_th]:py-1.5 [&_th]:text-left",
        "[&_em]:text-fg-muted",
        className,
      )}
    >
      {/* react-markdown escapes raw HTML by default; no rehype-raw, so typed HTML is shown, never run. */}
      {/* Code blocks scroll sideways, so the keyboard must reach them. A task list's checkbox (`- [x]`) is
          read-only and has no label of its own: it is named by its state. */}
      <Markdown
        remarkPlugins={[remarkGfm]}
        components={{
          pre: ({ node: _node, ...props }) => <pre tabIndex={0} aria-label="Code block" {...props} />,
          input: ({ node: _node, ...props }) => (props.type === "checkbox" ? <input {...props} aria-label={props.checked ? "Done" : "Not done"} /> : <input {...props} />),
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
