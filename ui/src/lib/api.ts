// Unwraps the generated bindings' Result objects so screens can use try/catch, and turns the backend's
// typed AppError into a sentence for people.
import type { AppError } from "./bindings";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(describeError(error));
  }
}

export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.status === "error") throw new AppFailure(result.error);
  return result.data;
}

export function describeError(e: AppError): string {
  switch (e.kind) {
    case "notFound":
      return `No ${e.what} called “${e.id}”. It may have been removed from the bank.`;
    case "invalidInput":
      return `The ${e.field} is not valid: ${e.message}`;
    case "storage":
      return `Your progress could not be saved or read (${e.message}). Nothing was lost; try again.`;
    case "io":
      return `A file could not be used: ${e.path} (${e.message}).`;
    case "diskFull":
    case "readOnly":
    case "busy":
      return e.message;
    case "damaged":
      return `Your progress file is damaged (${e.message}). Restart Archdrill: it restores the newest backup and keeps the damaged file.`;
    case "newerSchema":
      return `Your progress was saved by a newer Archdrill (version ${e.found}; this one knows ${e.known}). Update Archdrill.`;
    case "badFile":
      return `${e.path}: ${e.message}`;
    case "notEnoughReviews":
      return `Optimising needs ${e.need} reviews of cards you first saw on an earlier day; you have ${e.have}. Keep reviewing and try again in a few days.`;
  }
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
