// Human sentences for the review meetings' audit events (the home page's activity and the audit views).
export function describeMeetingEvent(who: string, action: string, details: unknown): string | undefined {
  const detail = (key: string) => {
    const value = (details as Record<string, unknown> | null)?.[key];
    return value === undefined || value === null ? "" : String(value);
  };
  const title = `“${detail("title") || "a review meeting"}”`;
  switch (action) {
    case "meeting.scheduled":
      return `${who} scheduled the review meeting ${title}`;
    case "meeting.updated":
      return `${who} changed the review meeting ${title}`;
    case "meeting.started":
      return `${who} started the review meeting ${title}`;
    case "meeting.item_focused": {
      const moves = Number(detail("moves") || 1);
      return `${who} moved through the agenda of ${title}${moves > 1 ? ` (${moves} moves)` : ""}`;
    }
    case "meeting.presenter_taken_over":
      return `${who} took over presenting ${title}${detail("previousPresenter") ? ` from ${detail("previousPresenter")}` : ""}`;
    case "meeting.notes_saved":
      return `${who} wrote notes in ${title}`;
    case "meeting.action_added":
      return `${who} recorded an action item in ${title}: ${detail("text")}`;
    case "meeting.ended":
      return `${who} ended the review meeting ${title} and wrote its minutes`;
    default:
      return undefined;
  }
}
