"use client";
// Meeting mode: one agenda item per slide, for the big screen (designed at 1920×1080). ← and → move between
// items (each item's timer runs while it is on screen), f toggles full screen, Esc leaves (after leaving
// full screen), + - 0 1 zoom the diagram (1: actual size), and d / p / a / n open the capture drawer. Keys typed into a form
// control, or while the drawer is open, never move the slides.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ArrowLeft, ArrowRight, CheckCircle2, ClipboardList, Expand, Gavel, ListTodo, LogOut, MonitorSmartphone, NotebookPen, Play, Shrink } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/forms/action-result";
import type { MeetingDetail, Person } from "@/lib/reviews/meetings-schema";
import type { PresentationSlide } from "@/lib/reviews/presentation.server";
import { formatClock, timerState } from "@/lib/reviews/timer";
import { endMeetingFromModeAction, focusItemAction, startMeetingAction, takeOverAction } from "../actions";
import { CaptureDrawer, type CaptureTab } from "./capture-drawer";
import { DiagramViewer, type DiagramViewerHandle } from "@/components/diagrams/diagram-viewer";
import { SlideComments } from "./slide-comments";
import { PresenterBar } from "./presenter-bar";
import { useMeetingLive } from "./use-meeting-live";

export interface MeetingModeProps {
  meeting: MeetingDetail;
  slides: PresentationSlide[];
  members: Person[];
  currentUserId: string | null;
  /** The server's clock at render: timers run on the server's time, whatever the projector laptop's clock says. */
  serverNow: string;
  /** Opened as a rehearsal (?preview=1): nothing is started or recorded, even in a running meeting. */
  preview?: boolean;
}

const captureKeys: Record<string, CaptureTab> = { d: "decision", p: "approval", a: "action", n: "notes" };

/** Keys aimed at something that takes text (or a menu) belong to it, not to the slides. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest("[role=dialog],[role=alertdialog],[role=menu]") !== null;
}

/** Footer buttons: large on the projector (1920 wide), a size down on laptops so the bar stays on one line. */
const footerButton = "h-10 px-4 text-base 2xl:h-12 2xl:px-6 2xl:text-lg";

const levelClasses = {
  ok: "border-border-strong text-fg",
  near: "border-warning bg-warning-soft text-warning-fg",
  over: "border-critical bg-critical-soft text-critical-fg",
} as const;

export function MeetingMode({ meeting: initialMeeting, slides: initialSlides, members, currentUserId, serverNow, preview = false }: MeetingModeProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [meeting, setMeeting] = useState(initialMeeting);
  const [slides, setSlides] = useState(initialSlides);
  const running = meeting.agenda.findIndex((item) => item.runningSince !== null);
  const [index, setIndex] = useState(Math.max(running, 0));
  const [diagramIndex, setDiagramIndex] = useState(0);
  const [drawer, setDrawer] = useState<{ open: boolean; tab: CaptureTab }>({ open: false, tab: "decision" });
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [clockOffset, setClockOffset] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => new Date(Date.parse(serverNow)));
  const diagram = useRef<DiagramViewerHandle>(null);
  // A meeting that has not started opens as a rehearsal: slides, diagrams and keys work, but no timer runs,
  // nothing is recorded and no request reads "Being reviewed now" until "Start the meeting" is confirmed.
  const [rehearsing, setRehearsing] = useState(preview || initialMeeting.status === "SCHEDULED");
  const [confirmStart, setConfirmStart] = useState(false);
  const canEdit = meeting.permissions.canEdit && !rehearsing;

  // One presenter moves the slides; everyone else follows their item and timer live (ADR 019).
  const presenting = canEdit && (meeting.presenter === null || meeting.presenter.id === currentUserId);
  const follow = useCallback(
    (next: MeetingDetail) => {
      setMeeting(next);
      const nextPresenting = next.permissions.canEdit && (next.presenter === null || next.presenter.id === currentUserId);
      const onScreen = next.agenda.findIndex((entry) => entry.runningSince !== null);
      if (!nextPresenting && onScreen >= 0) setIndex(onScreen);
    },
    [currentUserId],
  );
  const { live } = useMeetingLive(meeting.id, follow);

  const item = meeting.agenda[index];
  const slide = slides[index];

  const apply = useCallback(
    (result: ActionResult<MeetingDetail>) => {
      if (!result.ok) return void toast({ title: "The meeting did not follow", description: result.message, tone: "critical" });
      setMeeting(result.data);
      // The page's server time was taken before it travelled here: never show a clock behind an item the
      // server has just started.
      const started = result.data.agenda.find((entry) => entry.runningSince)?.runningSince;
      if (started) setClockOffset((offset) => Math.max(offset, Date.parse(started) - Date.now()));
    },
    [toast],
  );

  // Rejoining a running meeting puts its current item back on screen; a scheduled one waits for "Start".
  useEffect(() => {
    if (!canEdit || initialMeeting.agenda.length === 0 || initialMeeting.status !== "IN_PROGRESS") return;
    const onScreen = initialMeeting.agenda.some((entry) => entry.runningSince !== null);
    if (!onScreen) {
      void startMeetingAction(initialMeeting.id, initialMeeting.agenda[Math.max(running, 0)].id).then(apply);
    }
    // Once, on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date(Date.now() + clockOffset)), 1000);
    return () => window.clearInterval(timer);
  }, [clockOffset]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const goTo = useCallback(
    (next: number) => {
      if (next < 0 || next >= meeting.agenda.length || next === index) return;
      if (!rehearsing && !presenting && meeting.status === "IN_PROGRESS") return void toast({ title: "Following the presenter", description: "Take over to move the slides for everyone.", tone: "warning" });
      setIndex(next);
      setDiagramIndex(0);
      if (canEdit && meeting.status !== "ENDED") void focusItemAction(meeting.id, meeting.agenda[next].id).then(apply);
    },
    [apply, canEdit, index, meeting.agenda, meeting.id, meeting.status, presenting, rehearsing, toast],
  );

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => toast({ title: "This browser refused full screen", tone: "warning" }));
  }, [toast]);

  const openDrawer = useCallback((tab: CaptureTab) => setDrawer({ open: true, tab }), []);
  const replaceSlide = useCallback((next: PresentationSlide) => setSlides((current) => current.map((entry) => (entry.agendaItemId === next.agendaItemId ? next : entry))), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // A dialog that closed on this Escape already handled it (Radix marks it), as did any form control.
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typingInto(event.target)) return;
      if (drawer.open || confirmEnd || confirmStart) return;
      const key = event.key;
      if (key === "ArrowRight" || key === "PageDown") goTo(index + 1);
      else if (key === "ArrowLeft" || key === "PageUp") goTo(index - 1);
      else if (key === "f" || key === "F") toggleFullscreen();
      else if (key === "Escape") {
        // Browsers leave full screen on Escape themselves; where one did not, leave it first.
        if (document.fullscreenElement) void document.exitFullscreen();
        else router.push(`/reviews/meetings/${meeting.id}`);
      } else if (key === "+" || key === "=") diagram.current?.zoomIn();
      else if (key === "-" || key === "_") diagram.current?.zoomOut();
      else if (key === "0") diagram.current?.reset();
      else if (key === "1") diagram.current?.actualSize();
      else if (canEdit && captureKeys[key.toLowerCase()]) openDrawer(captureKeys[key.toLowerCase()]);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [canEdit, confirmEnd, confirmStart, drawer.open, goTo, index, meeting.id, openDrawer, router, toggleFullscreen]);

  const timer = item ? timerState(item, now) : null;
  const actionsOfItem = useMemo(() => (item ? meeting.actionItems.filter((action) => action.agendaItemId === item.id).length : 0), [item, meeting.actionItems]);

  if (!item || !slide) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-canvas p-12 text-center text-fg">
        <h1 className="text-5xl font-bold">{meeting.title}</h1>
        <p className="text-3xl text-fg-muted">Nothing is on the agenda.</p>
        <Link href={`/reviews/meetings/${meeting.id}`} className="text-2xl text-link underline">
          Back to the meeting
        </Link>
      </main>
    );
  }

  const source = slide.diagrams[diagramIndex] ?? slide.diagrams[0];

  return (
    <main
      className={cn("grid h-dvh grid-cols-1 overflow-hidden bg-canvas text-fg max-md:h-auto max-md:min-h-dvh", rehearsing ? "grid-rows-[auto_auto_minmax(0,1fr)_auto]" : "grid-rows-[auto_minmax(0,1fr)_auto]")}
      aria-label={`Meeting mode: ${meeting.title}`}
      data-testid="meeting-mode"
    >
      {/* On a phone the slide is not readable: say so, and offer the meeting page. */}
      <div className="flex flex-col gap-3 border-b border-border bg-info-soft p-4 text-info-fg md:hidden" role="note" data-testid="big-screen-note">
        <h1 className="text-2xl font-bold text-fg">{meeting.title}</h1>
        <p className="flex items-start gap-2 text-base font-semibold">
          <MonitorSmartphone aria-hidden="true" className="mt-0.5 size-5 shrink-0" /> Meeting mode is made for a big screen: a projector, or a laptop of 1280 px or wider.
        </p>
        <Link href={`/reviews/meetings/${meeting.id}`} className="text-base font-medium text-info-fg underline">
          Open the meeting page instead
        </Link>
      </div>
      {rehearsing ? (
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-warning bg-warning-soft px-10 py-3 text-warning-fg max-md:px-4" role="status" data-testid="rehearsal-banner">
          <p className="text-xl font-semibold max-md:text-base">
            Rehearsal: no timer runs and nothing is recorded.{" "}
            {meeting.status === "SCHEDULED" ? `The meeting starts only when you start it.` : "The running meeting is not moved."}
          </p>
          {meeting.permissions.canEdit && meeting.status === "SCHEDULED" && (
            <Button size="lg" className="ml-auto" onClick={() => setConfirmStart(true)}>
              <Play aria-hidden="true" /> Start the meeting
            </Button>
          )}
        </div>
      ) : null}
      <header className="flex items-start gap-8 border-b border-border bg-surface px-10 py-5 max-md:hidden">
        <div className="min-w-0 flex-1">
          <p className="text-2xl font-medium text-fg-muted" data-testid="slide-position">
            Item {index + 1} of {meeting.agenda.length} · {meeting.title}
          </p>
          <h1 className="mt-1 line-clamp-2 text-4xl leading-tight font-bold tracking-tight 2xl:text-5xl" data-testid="slide-title">
            {item.request.title || "Untitled request"}
          </h1>
          <PresenterBar meeting={meeting} presenting={presenting} live={live} onTakeOver={async () => apply(await takeOverAction(meeting.id))} />
          <p className="mt-2 text-2xl text-fg-muted">
            <span className="font-semibold text-fg">{item.request.team.name}</span> · {item.request.role.title} · revision {item.request.revision}
          </p>
        </div>
        {timer && (
          <div
            className={cn("flex shrink-0 flex-col items-end rounded-lg border-4 px-6 py-3", levelClasses[timer.level])}
            role="timer"
            aria-label={`${timer.remainingSeconds >= 0 ? `${formatClock(timer.remainingSeconds)} left` : `${formatClock(-timer.remainingSeconds)} over`} of ${item.timeboxMinutes} minutes`}
            data-level={timer.level}
            data-testid="item-timer"
          >
            <span className="text-6xl leading-none font-bold tabular-nums">{formatClock(Math.abs(timer.remainingSeconds))}</span>
            <span className="mt-1 text-xl font-semibold">
              {timer.level === "over" ? "over the" : "left of"} {item.timeboxMinutes} min{timer.running ? "" : " · paused"}
            </span>
          </div>
        )}
      </header>

      <div className="grid min-h-0 grid-cols-[minmax(0,1fr)_24rem] gap-0 max-md:hidden 2xl:grid-cols-[minmax(0,1fr)_28rem]">
        <section className="relative flex min-h-0 flex-col bg-surface" aria-label="Diagram" data-testid="slide-diagram">
          {slide.diagrams.length > 1 && (
            <div className="flex flex-wrap gap-2 px-6 pt-4" role="group" aria-label="Diagrams">
              {slide.diagrams.map((entry, at) => (
                <Button key={entry.path} size="sm" variant={at === diagramIndex ? "primary" : "secondary"} onClick={() => setDiagramIndex(at)} aria-pressed={at === diagramIndex} className="text-base">
                  {entry.path.split("/").at(-1)}
                </Button>
              ))}
            </div>
          )}
          <div className="min-h-0 flex-1 p-4">
            {source ? (
              <DiagramViewer ref={diagram} key={`${item.id}-${source.path}`} source={source.content} label={`${source.path} of ${item.request.title}`} className="h-full" />
            ) : slide.summary.length > 0 ? (
              // No diagram: the key figures take the stage.
              // tabIndex: the figures may scroll, so the keyboard must reach them too.
              <dl tabIndex={0} aria-label="Key figures" className="grid h-full auto-rows-min content-center gap-6 overflow-y-auto p-6 xl:grid-cols-2 2xl:grid-cols-3" data-testid="slide-figures">
                {slide.summary.map((figure) => (
                  <div key={figure.key} className="rounded-lg border-2 border-border bg-canvas p-6">
                    <dt className="text-2xl font-medium text-fg-muted">{figure.label}</dt>
                    <dd className="mt-2 text-5xl leading-tight font-bold tabular-nums">
                      {figure.value}
                      {figure.unit && <span className="ml-2 text-3xl font-semibold text-fg-muted">{figure.unit}</span>}
                    </dd>
                    {figure.detail && <dd className="mt-2 text-xl text-fg-muted">{figure.detail}</dd>}
                  </div>
                ))}
              </dl>
            ) : (
              <p className="flex h-full items-center justify-center text-3xl text-fg-muted">This request has no diagram and no key figures.</p>
            )}
          </div>
        </section>

        <aside className="flex min-h-0 flex-col gap-6 overflow-y-auto border-l border-border px-8 py-6" aria-label="Key figures, approvals and open comments">
          <section aria-labelledby="approvals-heading">
            <h2 id="approvals-heading" className="text-xl font-semibold tracking-wide text-fg-muted uppercase">
              Approvals
            </h2>
            <p className={cn("mt-1 flex items-center gap-2 text-3xl font-bold", slide.approvals.satisfied ? "text-healthy-fg" : "text-fg")} data-testid="slide-approvals">
              {slide.approvals.satisfied && <CheckCircle2 aria-hidden="true" className="size-8" />}
              {slide.approvals.met} of {slide.approvals.needed}
            </p>
            <p className="text-lg text-fg-muted">
              {slide.approvals.required.map((rule) => `${rule.label} ${Math.min(rule.met, rule.count)}/${rule.count}`).join(" · ")}
            </p>
          </section>

          {slide.summary.length > 0 && slide.diagrams.length > 0 && (
            <section aria-labelledby="figures-heading">
              <h2 id="figures-heading" className="text-xl font-semibold tracking-wide text-fg-muted uppercase">
                Key figures
              </h2>
              {/* Two columns, so the open comments below keep room on a laptop's screen too. */}
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-3">
                {slide.summary.slice(0, 6).map((figure) => (
                  <div key={figure.key}>
                    <dt className="text-base leading-snug text-fg-muted">{figure.label}</dt>
                    <dd className="text-2xl leading-tight font-bold tabular-nums 2xl:text-3xl">
                      {figure.value}
                      {figure.unit && <span className="ml-1 text-lg font-semibold text-fg-muted">{figure.unit}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}

          <SlideComments meetingId={meeting.id} slide={slide} now={now} onSlideChange={replaceSlide} />
          {actionsOfItem > 0 && (
            <p className="text-lg text-fg-muted">
              {actionsOfItem} action {actionsOfItem === 1 ? "item" : "items"} recorded for this item.
            </p>
          )}
        </aside>
      </div>

      <footer className="flex flex-wrap items-center gap-3 border-t border-border bg-surface px-10 py-4 max-md:hidden">
        <Button variant="secondary" size="lg" className={footerButton} onClick={() => goTo(index - 1)} disabled={index === 0 || (!rehearsing && !presenting && meeting.status === "IN_PROGRESS")} aria-keyshortcuts="ArrowLeft">
          <ArrowLeft aria-hidden="true" /> Previous
        </Button>
        <Button variant="secondary" size="lg" className={footerButton} onClick={() => goTo(index + 1)} disabled={index === meeting.agenda.length - 1 || (!rehearsing && !presenting && meeting.status === "IN_PROGRESS")} aria-keyshortcuts="ArrowRight">
          Next <ArrowRight aria-hidden="true" />
        </Button>
        {canEdit && (
          <div className="flex flex-wrap gap-3 border-l border-border pl-3" role="group" aria-label="Record">
            <Button size="lg" className={footerButton} onClick={() => openDrawer("decision")} aria-keyshortcuts="d">
              <Gavel aria-hidden="true" /> Decision <kbd className="ml-1 hidden rounded border border-current/40 px-1.5 text-sm 2xl:inline">D</kbd>
            </Button>
            <Button size="lg" className={footerButton} onClick={() => openDrawer("approval")} aria-keyshortcuts="p">
              <ClipboardList aria-hidden="true" /> Approval <kbd className="ml-1 hidden rounded border border-current/40 px-1.5 text-sm 2xl:inline">P</kbd>
            </Button>
            <Button size="lg" className={footerButton} onClick={() => openDrawer("action")} aria-keyshortcuts="a">
              <ListTodo aria-hidden="true" /> Action item <kbd className="ml-1 hidden rounded border border-current/40 px-1.5 text-sm 2xl:inline">A</kbd>
            </Button>
            <Button size="lg" className={footerButton} variant="secondary" onClick={() => openDrawer("notes")} aria-keyshortcuts="n">
              <NotebookPen aria-hidden="true" /> Notes <kbd className="ml-1 hidden rounded border border-current/40 px-1.5 text-sm 2xl:inline">N</kbd>
            </Button>
          </div>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <Button variant="secondary" size="lg" className={footerButton} onClick={toggleFullscreen} aria-keyshortcuts="f" aria-pressed={fullscreen}>
            {fullscreen ? <Shrink aria-hidden="true" /> : <Expand aria-hidden="true" />} {fullscreen ? "Leave full screen" : "Full screen"}
          </Button>
          <Button variant="ghost" size="lg" className={footerButton} onClick={() => router.push(`/reviews/meetings/${meeting.id}`)} aria-keyshortcuts="Escape">
            <LogOut aria-hidden="true" /> Leave
          </Button>
          {canEdit && (
            <Button variant="danger" size="lg" className={footerButton} onClick={() => setConfirmEnd(true)}>
              End meeting
            </Button>
          )}
        </div>
      </footer>

      {canEdit && (
        <CaptureDrawer
          open={drawer.open}
          tab={drawer.tab}
          onTabChange={(tab) => setDrawer({ open: true, tab })}
          onOpenChange={(open) => setDrawer((current) => ({ ...current, open }))}
          meetingId={meeting.id}
          item={item}
          slide={slide}
          members={members}
          currentUserId={currentUserId}
          status={timer ? `Item ${index + 1} of ${meeting.agenda.length} · ${formatClock(Math.abs(timer.remainingSeconds))} ${timer.level === "over" ? "over the" : "left of"} ${item.timeboxMinutes} min` : undefined}
          statusLevel={timer?.level}
          onSlideChange={replaceSlide}
          onNotesSaved={(notes) => setMeeting((current) => ({ ...current, agenda: current.agenda.map((entry) => (entry.id === item.id ? { ...entry, notes } : entry)) }))}
          onActionAdded={(action) => setMeeting((current) => ({ ...current, actionItems: [...current.actionItems, action] }))}
        />
      )}
      <ConfirmDialog
        open={confirmStart}
        onOpenChange={setConfirmStart}
        title="Start the meeting now?"
        description={`The timer of the item on screen starts, you become the presenter everyone else follows, and the requests on the agenda read "Being reviewed now". It cannot be undone, only ended.`}
        confirmLabel="Start the meeting"
        variant="primary"
        onConfirm={async () => {
          const result = await startMeetingAction(meeting.id, meeting.agenda[index]?.id);
          if (!result.ok) throw new Error(result.message);
          apply(result);
          setRehearsing(false);
          if (preview) router.replace(`/reviews/meetings/${meeting.id}/present`);
        }}
      />
      <ConfirmDialog
        open={confirmEnd}
        onOpenChange={setConfirmEnd}
        title="End the meeting?"
        description="The minutes are written now from what was recorded: attendees, decisions, approvals, action items and the time spent on each item. The meeting cannot be restarted."
        confirmLabel="End meeting and write the minutes"
        onConfirm={async () => {
          const result = await endMeetingFromModeAction(meeting.id);
          if (!result.ok) throw new Error(result.message);
          if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
          router.push(`/reviews/meetings/${meeting.id}`);
        }}
      />
    </main>
  );
}
