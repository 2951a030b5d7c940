// The generic requirements form and its read-only answers view.
export { RoleForm, type RoleFormProps } from "./role-form";
export { AnswersView } from "./answers-view";
