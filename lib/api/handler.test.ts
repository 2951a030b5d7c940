import { NextRequest, NextResponse } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { DEFAULT_BODY_LIMIT_BYTES, apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { getSessionActor } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { authenticateToken } from "@/lib/tokens/tokens.server";

// No database and no next-auth here: the token look-up and the session are stand-ins we can watch.
vi.mock("@/lib/tokens/tokens.server", () => ({ authenticateToken: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ getSessionActor: vi.fn() }));

const GOOD_SECRET = `ppt_${"a".repeat(40)}`;
const tokenActor: Actor = { kind: "token", tokenId: "token-1", teamId: "team-1", userId: "user-1" };
const sessionActor: Actor = { kind: "user", userId: "user-2" };

const noParams = { params: Promise.resolve({}) };

const widgetSchema = z.object({ name: z.string().min(2), size: z.number().int().positive(), tags: z.array(z.string()).optional() });

/** A tiny endpoint: parse the body with the schema and echo it. */
const createWidget = (limitBytes?: number) =>
  apiRoute(async (request) => NextResponse.json({ widget: await readJson(request, widgetSchema, limitBytes) }, { status: 201 }));

function post(body: string, headers: Record<string, string> = {}) {
  return new NextRequest("http://localhost/api/v1/widgets", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

/** The standard error body, with no stack trace or source location in it. */
async function errorBody(response: Response) {
  const text = await response.text();
  expect(text).not.toContain("    at ");
  expect(text).not.toMatch(/node_modules|\.[cm]?[jt]sx?:\d+/);
  const body = JSON.parse(text) as { error: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } };
  expect(Object.keys(body)).toEqual(["error"]);
  return body.error;
}

beforeEach(() => {
  vi.mocked(authenticateToken).mockImplementation(async (secret) => (secret === GOOD_SECRET ? tokenActor : undefined));
  vi.mocked(getSessionActor).mockResolvedValue(null);
});

afterEach(() => {
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe("apiRoute with readJson", () => {
  it("passes a valid body through", async () => {
    const response = await createWidget()(post(JSON.stringify({ name: "gear", size: 3 })), noParams);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ widget: { name: "gear", size: 3 } });
  });

  it.each([
    ["a truncated object", '{"name": "gear",'],
    ["plain text", "hello"],
    ["a single quote JSON", "{'name': 'gear'}"],
  ])("answers 400 for malformed JSON: %s", async (_, body) => {
    const response = await createWidget()(post(body), noParams);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const error = await errorBody(response);
    expect(error.message).toBe("The body is not valid JSON");
    expect(error.code).toBe("malformed_json");
    expect(error.issues ?? []).toEqual([]);
  });

  it("answers 413 when the body is over the limit, counted in bytes, not characters", async () => {
    const response = await createWidget(20)(post(JSON.stringify({ name: "x".repeat(40), size: 1 })), noParams);
    expect(response.status).toBe(413);
    expect(await errorBody(response)).toEqual({ code: "too_large", message: "The body is larger than 20 bytes" });
    // 30 characters but 40 bytes in UTF-8: a character count would let it through.
    const multibyte = await createWidget(30)(post(JSON.stringify({ name: "é".repeat(10), size: 1 })), noParams);
    expect(multibyte.status).toBe(413);
  });

  it("answers 413 on the declared Content-Length alone, before reading the body", async () => {
    const response = await createWidget()(post("{}", { "content-length": String(DEFAULT_BODY_LIMIT_BYTES + 1) }), noParams);
    expect(response.status).toBe(413);
    expect((await errorBody(response)).code).toBe("too_large");
  });

  it("applies the default limit of DEFAULT_BODY_LIMIT_BYTES", async () => {
    const body = JSON.stringify({ name: "x".repeat(DEFAULT_BODY_LIMIT_BYTES), size: 1 });
    expect((await createWidget()(post(body), noParams)).status).toBe(413);
  });

  it("answers 422 with each problem's field path when the schema rejects the body", async () => {
    const response = await createWidget()(post(JSON.stringify({ name: "x", size: -1.5, tags: ["ok", 7] })), noParams);
    expect(response.status).toBe(422);
    const error = await errorBody(response);
    expect(error.code).toBe("invalid");
    const paths = error.issues!.map((issue) => issue.path);
    for (const path of paths) expect(Array.isArray(path)).toBe(true);
    expect(paths).toEqual(expect.arrayContaining([["name"], ["size"], ["tags", 1]]));
    for (const issue of error.issues!) expect(issue.message).toEqual(expect.any(String));
  });

  it("answers 422 (not 400) for an empty body: it is valid input, just missing", async () => {
    const response = await createWidget()(post(""), noParams);
    expect(response.status).toBe(422);
    expect((await errorBody(response)).issues).toEqual([expect.objectContaining({ path: [] })]);
  });
});

describe("apiRoute error mapping", () => {
  const throwing = (error: unknown) =>
    apiRoute(async () => {
      throw error;
    });

  it("answers an unknown error with 500, a generic message and no stack or internal message, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = new Error("connect to postgresql://portal:s3cret@db/portal failed");
    const response = await throwing(error)(new NextRequest("http://localhost/api/v1/x"), noParams);
    expect(response.status).toBe(500);
    const text = await response.clone().text();
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("postgresql://");
    expect(await errorBody(response)).toEqual({ code: "internal", message: expect.stringMatching(/^Something went wrong/) });
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });

  it("answers a thrown non-Error value with 500 too", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await throwing("a string")(new NextRequest("http://localhost/api/v1/x"), noParams);
    expect(response.status).toBe(500);
    expect((await errorBody(response)).code).toBe("internal");
  });

  it.each([
    [new NotFoundError("Team"), 404, "not_found", "Team not found"],
    [new ForbiddenError(), 403, "forbidden", "Your role in this team does not allow this action"],
    [new ConflictError("Already revoked"), 409, "conflict", "Already revoked"],
  ])("answers %s with %i", async (error, status, code, message) => {
    const response = await throwing(error)(new NextRequest("http://localhost/api/v1/x"), noParams);
    expect(response.status).toBe(status);
    expect(await errorBody(response)).toEqual({ code, message });
  });

  it("hands the handler its awaited params", async () => {
    const route = apiRoute<{ slug: string }>(async (_request, { params }) => NextResponse.json(params));
    const response = await route(new NextRequest("http://localhost/api/v1/teams/alpha"), { params: Promise.resolve({ slug: "alpha" }) });
    expect(await response.json()).toEqual({ slug: "alpha" });
  });
});

describe("authenticate", () => {
  const request = (headers: Record<string, string>) => new NextRequest("http://localhost/api/v1/me", { headers });

  it("accepts a known Bearer token, whatever the scheme's case", async () => {
    await expect(authenticate(request({ authorization: `Bearer ${GOOD_SECRET}` }))).resolves.toEqual(tokenActor);
    await expect(authenticate(request({ authorization: `bearer ${GOOD_SECRET}` }))).resolves.toEqual(tokenActor);
    expect(authenticateToken).toHaveBeenCalledWith(GOOD_SECRET);
  });

  it.each([["Bearer"], ["Bearer "], ["Basic x"], [`Token ${GOOD_SECRET}`], [`Bearer ${GOOD_SECRET} extra`], [`Bearer ${GOOD_SECRET.slice(0, -1)}b`]])(
    "rejects the header %j as unauthenticated",
    async (authorization) => {
      await expect(authenticate(request({ authorization }))).rejects.toMatchObject({ code: "unauthenticated" });
    },
  );

  it("uses the header alone when there is one, even next to a session cookie", async () => {
    vi.mocked(getSessionActor).mockResolvedValue(sessionActor);
    await expect(authenticate(request({ authorization: "Bearer nope", cookie: "next-auth.session-token=abc" }))).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(getSessionActor).not.toHaveBeenCalled();
  });

  it("answers without asking next-auth when there is no session cookie", async () => {
    vi.mocked(getSessionActor).mockResolvedValue(sessionActor);
    await expect(authenticate(request({}))).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(authenticate(request({ cookie: "portal-team=alpha; other=1" }))).rejects.toMatchObject({ code: "unauthenticated" });
    expect(getSessionActor).not.toHaveBeenCalled();
  });

  it.each([
    ["next-auth.session-token=abc"],
    ["portal-team=alpha; __Secure-next-auth.session-token=abc"],
    ["next-auth.session-token.0=abc; next-auth.session-token.1=def"],
  ])("asks next-auth when the cookie header is %j", async (cookie) => {
    vi.mocked(getSessionActor).mockResolvedValue(sessionActor);
    await expect(authenticate(request({ cookie }))).resolves.toEqual(sessionActor);
    vi.mocked(getSessionActor).mockResolvedValue(null);
    await expect(authenticate(request({ cookie }))).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("turns into 401 with WWW-Authenticate inside apiRoute", async () => {
    const route = apiRoute(async (req) => NextResponse.json(await authenticate(req)));
    const response = await route(request({}), noParams);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await errorBody(response)).code).toBe("unauthenticated");
  });
});

describe("apiRoute and the text rule", () => {
  const echoQuery = apiRoute(async (request) => NextResponse.json({ q: request.nextUrl.searchParams.get("q") }));
  const get = (query: string) => new NextRequest(`http://localhost/api/v1/widgets?${query}`);

  it("answers 422 with the parameter's path for a query value with NUL or bytes that are not UTF-8", async () => {
    for (const query of ["q=a%00b", "q=%ff", "q=%e2%82", "q%00=x"]) {
      const response = await echoQuery(get(query), noParams);
      expect(response.status, query).toBe(422);
      const error = await errorBody(response);
      expect(error.issues![0].path[0], query).toBe("query");
    }
    const ok = await echoQuery(get("q=caf%C3%A9+bar&x=%2500"), noParams);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ q: "café bar" });
  });

  it("answers 422 with the path for NUL or a lone surrogate anywhere in a body, even inside open records", async () => {
    const open = apiRoute(async (request) => NextResponse.json(await readJson(request, z.object({ answers: z.record(z.string(), z.unknown()) }))));
    const response = await open(post(JSON.stringify({ answers: { tiers: [{ name: "web\u0000" }], "k\u0000": 1, note: "\ud800" } })), noParams);
    expect(response.status).toBe(422);
    const paths = (await errorBody(response)).issues!.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining([["answers", "tiers", 0, "name"], ["answers", "k\u0000"], ["answers", "note"]]));
  });

  it("answers 404 for path parameters with NUL or undecodable bytes", async () => {
    const route = apiRoute<{ id: string }>(async (_request, { params }) => NextResponse.json({ id: params.id }));
    for (const id of ["a\u0000b", "%ff", "\ufffd", "\ud800"]) {
      expect((await route(new NextRequest("http://localhost/api/v1/widgets/x"), { params: Promise.resolve({ id }) })).status, JSON.stringify(id)).toBe(404);
    }
    expect((await route(new NextRequest("http://localhost/api/v1/widgets/x"), { params: Promise.resolve({ id: "abc" }) })).status).toBe(200);
  });
});
