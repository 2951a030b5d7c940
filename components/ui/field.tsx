// Field: label + one form control + help text + error message, with id, aria-describedby, aria-invalid and required wired up.
import { CircleAlert } from "lucide-react";
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

/** The props Field gives its control. Spread them onto the input (or pass an element and Field adds them). */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
};

export type FieldProps = {
  /** The control's id; help and error ids are derived from it. */
  id: string;
  label: ReactNode;
  help?: ReactNode;
  /** The validation message; when set, the control is marked invalid and the message is announced. */
  error?: ReactNode;
  required?: boolean;
  className?: string;
  /** Either a render function that receives the control props, or a single control element. */
  children: ((control: FieldControlProps) => ReactNode) | ReactElement<Partial<FieldControlProps>>;
};

export function Field({ id, label, help, error, required, className, children }: FieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  const control: FieldControlProps = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    required: required || undefined,
  };

  let rendered: ReactNode;
  if (typeof children === "function") {
    rendered = children(control);
  } else if (isValidElement(children)) {
    // Keep any aria-describedby the caller already set on the element.
    const own = children.props["aria-describedby"];
    rendered = cloneElement(children, {
      ...control,
      "aria-describedby": [own, describedBy].filter(Boolean).join(" ") || undefined,
      required: required ?? children.props.required,
    });
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {rendered}
      {help && (
        <p id={helpId} className="text-sm text-fg-muted">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="flex items-start gap-1.5 text-sm font-medium text-critical-fg">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
