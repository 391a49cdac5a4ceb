import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
  "aria-required"?: boolean | "true" | "false";
};

/** Props handed to a render-function child (use for composite controls such as Radix Select). */
export type FieldControlProps = {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  "aria-required": true | undefined;
};

export type FieldProps = {
  /** Visible label text. */
  label: ReactNode;
  /**
   * The form control (Input, Textarea, NativeSelect…), which receives id / aria-* props, or a
   * render function `(controlProps) => ReactNode` for composite controls, e.g.
   * `{(p) => <Select …><SelectTrigger {...p}><SelectValue /></SelectTrigger>…</Select>}`.
   */
  children: ReactElement<ControlProps> | ((controlProps: FieldControlProps) => ReactNode);
  /** Helper text shown under the control. */
  description?: ReactNode;
  /** Error message; when set the control is marked aria-invalid and the message is announced. */
  error?: ReactNode;
  /** Control id. Defaults to the child's `id` prop, then a generated id. */
  id?: string;
  /** Appends a visual "*" to the label and sets aria-required on the control. */
  required?: boolean;
  className?: string;
};

/**
 * Label + control + description + error, with the accessibility wiring done for you:
 *
 *   <Field label="Email" error={errors.email?.message}>
 *     <Input type="email" {...register("email")} />
 *   </Field>
 */
export function Field({ label, children, description, error, id, required, className }: FieldProps) {
  const generatedId = useId();
  const childProps = typeof children !== "function" && isValidElement(children) ? children.props : undefined;
  const controlId = id ?? childProps?.id ?? `field-${generatedId}`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";

  const describedBy =
    [childProps?.["aria-describedby"], description ? descriptionId : undefined, hasError ? errorId : undefined]
      .filter(Boolean)
      .join(" ") || undefined;

  let control: ReactNode;
  if (typeof children === "function") {
    control = children({
      id: controlId,
      "aria-describedby": describedBy,
      "aria-invalid": hasError ? true : undefined,
      "aria-required": required ? true : undefined,
    });
  } else if (isValidElement(children)) {
    control = cloneElement(children, {
      id: controlId,
      "aria-describedby": describedBy,
      "aria-invalid": hasError ? true : childProps?.["aria-invalid"],
      "aria-required": required ? true : childProps?.["aria-required"],
    });
  } else {
    control = children;
  }

  return (
    <div className={cn("grid gap-1.5", className)} data-invalid={hasError || undefined}>
      <Label htmlFor={controlId}>
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {control}
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
