"use client";
// The meeting form (schedule and edit): title, date and time (UTC), duration, attendees, and the agenda —
// requests waiting for review, put in order with up/down buttons (keyboard operable) and a time box each.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { agendaFit, moveEntry } from "@/lib/reviews/agenda";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CreateMeetingInput, Person } from "@/lib/reviews/meetings-schema";

export interface CandidateRequest {
  id: string;
  title: string;
  role: string;
  revision: number;
}

interface AgendaRow {
  requestId: string;
  timeboxMinutes: string;
}

export interface MeetingFormProps {
  mode: "create" | "edit";
  team: { slug: string; name: string };
  /** Other teams the user can schedule in (create only): choosing one reloads the page for its requests. */
  teams?: { slug: string; name: string }[];
  candidates: CandidateRequest[];
  members: Person[];
  initial: { title: string; date: string; time: string; durationMinutes: number; attendees: string[]; agenda: { requestId: string; timeboxMinutes: number }[] };
  submit: (input: CreateMeetingInput) => Promise<ActionResult<string | number>>;
  /** Where to go after saving; the new meeting's id is passed when creating. */
  onSaved: (result: string | number) => void;
  onCancel?: () => void;
}

const DEFAULT_TIMEBOX = 10;

export function MeetingForm({ mode, team, teams, candidates, members, initial, submit, onSaved, onCancel }: MeetingFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [title, setTitle] = useState(initial.title);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [duration, setDuration] = useState(String(initial.durationMinutes));
  const [attendees, setAttendees] = useState<Set<string>>(new Set(initial.attendees));
  const [agenda, setAgenda] = useState<AgendaRow[]>(initial.agenda.map((entry) => ({ requestId: entry.requestId, timeboxMinutes: String(entry.timeboxMinutes) })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");

  const byId = useMemo(() => new Map(candidates.map((candidate) => [candidate.id, candidate])), [candidates]);
  const available = candidates.filter((candidate) => !agenda.some((row) => row.requestId === candidate.id));
  const fit = agendaFit(agenda.map((row) => Number(row.timeboxMinutes)), Number(duration) || 0);
  const titleOf = (requestId: string) => byId.get(requestId)?.title || "Untitled request";

  function move(index: number, direction: -1 | 1) {
    const next = moveEntry(agenda, index, direction);
    setAgenda(next);
    const newIndex = Math.min(Math.max(index + direction, 0), agenda.length - 1);
    setAnnouncement(`${titleOf(agenda[index].requestId)} is now item ${newIndex + 1} of ${agenda.length}`);
    // Keep the focus on the same button of the moved row, so repeated presses keep moving it.
    requestAnimationFrame(() => document.getElementById(`agenda-${direction < 0 ? "up" : "down"}-${newIndex}`)?.focus());
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    const input: CreateMeetingInput = {
      title,
      scheduledAt: date && time ? `${date}T${time}` : "",
      durationMinutes: duration as unknown as number,
      attendees: [...attendees],
      agenda: agenda.map((row) => ({ requestId: row.requestId, timeboxMinutes: row.timeboxMinutes as unknown as number })),
    };
    startTransition(async () => {
      const result = await submit(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast({ title: result.conflict ? "Changed by someone else" : "The meeting was not saved", description: result.message, tone: "critical" });
        return;
      }
      toast({ title: mode === "create" ? "Meeting scheduled" : "Meeting saved", tone: "healthy" });
      onSaved(result.data);
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-8" noValidate aria-label={mode === "create" ? "Schedule a meeting" : "Edit the meeting"}>
      <div className="grid gap-6 md:grid-cols-2">
        {mode === "create" && teams && teams.length > 1 && (
          <Field id="meeting-team" label="Team" help="The agenda holds this team's requests; its members are invited.">
            <Select value={team.slug} onChange={(event) => router.push(`/reviews/meetings/new?team=${encodeURIComponent(event.target.value)}`)}>
              {teams.map((candidate) => (
                <option key={candidate.slug} value={candidate.slug}>
                  {candidate.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field id="meeting-title" label="Title" required error={errors.title} className="md:col-span-2">
          <Input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={160} />
        </Field>
        <Field id="meeting-date" label="Date" required error={errors.scheduledAt} help="Times are in UTC, as everywhere in the portal.">
          <Input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
        <Field id="meeting-time" label="Start time (UTC)" required>
          <Input type="time" value={time} onChange={(event) => setTime(event.target.value)} />
        </Field>
        <Field id="meeting-duration" label="Duration (minutes)" required error={errors.durationMinutes}>
          <Input type="number" min={10} max={480} step={5} value={duration} onChange={(event) => setDuration(event.target.value)} />
        </Field>
      </div>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-xl font-semibold">Attendees</legend>
        <p className="text-base text-fg-muted">Members of {team.name}.</p>
        {errors.attendees && <p className="text-base text-critical-fg">{errors.attendees}</p>}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {members.map((person) => (
            <Checkbox
              key={person.id}
              label={person.name ?? person.email}
              description={person.name ? person.email : undefined}
              checked={attendees.has(person.id)}
              onCheckedChange={(checked) =>
                setAttendees((current) => {
                  const next = new Set(current);
                  if (checked === true) next.add(person.id);
                  else next.delete(person.id);
                  return next;
                })
              }
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">Agenda</legend>
        <p className="text-base text-fg-muted" aria-live="polite">
          {agenda.length === 0
            ? "Add requests waiting for review from the list below."
            : `${agenda.length} ${agenda.length === 1 ? "item" : "items"}, ${fit.totalMinutes} of ${Number(duration) || 0} minutes boxed${fit.overByMinutes > 0 ? ` — ${fit.overByMinutes} min more than the meeting lasts` : ""}.`}
        </p>
        <div className="sr-only" aria-live="assertive">
          {announcement}
        </div>
        {agenda.length > 0 && (
          <ol className="flex flex-col gap-2" aria-label="Agenda, in order">
            {agenda.map((row, index) => {
              const candidate = byId.get(row.requestId);
              const error = errors[`agenda.${index}.requestId`] ?? errors[`agenda.${index}.timeboxMinutes`];
              return (
                <li key={row.requestId} className="flex flex-wrap items-center gap-3 rounded-md border border-border bg-surface p-3" data-testid="agenda-row">
                  <span className="w-8 text-center text-lg font-semibold tabular-nums" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="min-w-48 flex-1">
                    <p className="font-semibold">{titleOf(row.requestId)}</p>
                    {candidate && (
                      <p className="text-sm text-fg-muted">
                        {candidate.role} · revision {candidate.revision}
                      </p>
                    )}
                    {error && <p className="text-sm text-critical-fg">{error}</p>}
                  </div>
                  <label className="flex items-center gap-2 text-base">
                    Time box
                    <Input
                      type="number"
                      min={1}
                      max={120}
                      className="w-20"
                      value={row.timeboxMinutes}
                      aria-label={`Time box of ${titleOf(row.requestId)}, in minutes`}
                      onChange={(event) => setAgenda((current) => current.map((entry, at) => (at === index ? { ...entry, timeboxMinutes: event.target.value } : entry)))}
                    />
                    min
                  </label>
                  <div className="flex gap-1">
                    <Button type="button" id={`agenda-up-${index}`} variant="secondary" size="icon" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${titleOf(row.requestId)} up`}>
                      <ArrowUp aria-hidden="true" />
                    </Button>
                    <Button type="button" id={`agenda-down-${index}`} variant="secondary" size="icon" disabled={index === agenda.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${titleOf(row.requestId)} down`}>
                      <ArrowDown aria-hidden="true" />
                    </Button>
                    <Button type="button" variant="ghost" size="icon" onClick={() => setAgenda((current) => current.filter((_, at) => at !== index))} aria-label={`Remove ${titleOf(row.requestId)} from the agenda`}>
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">Waiting for review in {team.name}</h3>
          {available.length === 0 ? (
            <p className="text-base text-fg-muted">{candidates.length === 0 ? "No request of this team is waiting for review." : "Every request waiting for review is on the agenda."}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {available.map((candidate) => (
                <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-dashed border-border-strong p-3">
                  <span>
                    <span className="font-medium">{candidate.title || "Untitled request"}</span>
                    <span className="text-fg-muted">
                      {" "}
                      · {candidate.role} · revision {candidate.revision}
                    </span>
                  </span>
                  <Button type="button" variant="secondary" size="sm" onClick={() => setAgenda((current) => [...current, { requestId: candidate.id, timeboxMinutes: String(DEFAULT_TIMEBOX) }])} aria-label={`Add ${candidate.title || "untitled request"} to the agenda`}>
                    <Plus aria-hidden="true" /> Add
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg" loading={pending}>
          {mode === "create" ? "Schedule meeting" : "Save changes"}
        </Button>
        {onCancel && (
          <Button type="button" size="lg" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
