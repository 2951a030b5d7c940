// Unknown API paths answer with the standard JSON error rather than an HTML page.
import { errorResponse } from "@/lib/api/errors";

function notFound() {
  return errorResponse(404, "not_found", "No such API endpoint. See /api/v1/openapi.json");
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
