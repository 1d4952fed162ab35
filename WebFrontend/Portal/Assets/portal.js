// The portal's one script. Pages are rendered by the server; a form marked data-api is sent by this script to the
// JSON API named in its action, so that the pages and every other client go through the same endpoints and rules.
// On success the form's data-next (a path; {field} is filled from the answer), data-done (the id of a message to
// show) or data-then (a step below) says what comes next; on failure the problem+json answer is shown at the form.
// A region marked data-feed follows a server-sent event stream of its version and is rendered again by the server
// when that changes (see follow below).
"use strict";

const stepUpRequired = "urn:callping:problem:step-up-required";
const signInRequired = "urn:callping:problem:sign-in-required";

// Steps after a successful answer, by the name a form gives in data-then: (form, answer body) => void.
const then = {
  // A correct password: signed in, or on to the TOTP code with the login's challenge token.
  login(form, body) {
    if (body.totpRequired) {
      sessionStorage.setItem("challengeToken", body.challengeToken);
      location.assign("/login/totp" + location.search);
    } else {
      location.assign(localNext());
    }
  },
  signedIn() {
    sessionStorage.removeItem("challengeToken");
    location.assign(localNext());
  },
  // TOTP enrolment started: show the QR code (an SVG the API rendered) and the secret, then ask for a first code.
  totpEnrol(form, body) {
    const qr = document.getElementById("totp-qr");
    qr.src = "data:image/svg+xml;base64," + btoa(body.qrSvg);
    document.getElementById("totp-secret").textContent = body.secret;
    form.hidden = true;
    reveal(document.getElementById("totp-confirm"));
  },
  totpConfirmed(form, body) {
    const list = document.getElementById("recovery-code-list");
    list.replaceChildren(...body.recoveryCodes.map((code) => Object.assign(document.createElement("li"), { textContent: code })));
    document.getElementById("totp-confirm").hidden = true;
    reveal(document.getElementById("recovery-codes"));
  },
  // A new API key: shown this once; the list shows its first characters after a reload.
  apiKeyCreated(form, body) {
    document.getElementById("new-key-value").textContent = body.key;
    form.reset();
    reveal(document.getElementById("new-key"));
  },
  // A change the live region around the form shows (an alert acknowledged): render it again now, not at the next event.
  refresh(form) {
    refresh(form.closest("[data-feed]").id);
  },
  // A new organisation: made the current one, then opened.
  async orgCreated(form, body) {
    await send("POST", `/api/v1/orgs/${encodeURIComponent(body.orgId)}/switch`);
    location.assign(`/orgs/${encodeURIComponent(body.orgId)}`);
  },
};

// Where a login goes: the page that sent the browser to it (?next=), when that is a page of this site.
function localNext() {
  const next = new URLSearchParams(location.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/account";
}

function reveal(element) {
  element.hidden = false;
  element.tabIndex = -1;
  element.focus();
}

// The form's fields as the API's JSON: checkboxes as booleans, number fields as numbers (null when empty), lists.
function bodyOf(form) {
  const body = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled) {
      continue;
    }
    if ("jsonList" in field.dataset) {
      // Fields of one name marked data-json-list make a list of the JSON values chosen, in page order; empty ones are left out.
      body[field.name] ??= [];
      if (field.value !== "") {
        body[field.name].push(JSON.parse(field.value));
      }
    } else if (field.type === "checkbox") {
      body[field.name] = field.checked;
    } else if (field.dataset.type === "boolean") {
      body[field.name] = field.value === "true";
    } else if (field.type === "number") {
      body[field.name] = field.value === "" ? null : Number(field.value);
    } else {
      body[field.name] = field.value;
    }
  }
  return body;
}

async function send(method, url, body) {
  const headers = { Accept: "application/json, application/problem+json" };
  const csrf = document.querySelector('meta[name="csrf-token"]');
  if (csrf) {
    headers["X-CSRF-Token"] = csrf.content;
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { ok: response.ok, status: response.status, body: json };
}

// Shows a problem+json answer: each field's message next to its input, the rest above the form.
function showProblem(form, status, problem) {
  clearProblem(form);
  const summary = form.querySelector(".problem");
  const lines = [];
  const errors = Object.entries((problem && problem.errors) || {});
  if (errors.length > 0) {
    // ASP.NET Core's validation title says nothing a person can act on; the fields' own messages do.
    lines.push("Please check what you entered.");
  } else if (problem && problem.title) {
    lines.push(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
  } else {
    lines.push(`The request failed (HTTP ${status}). Please try again.`);
  }
  let firstInvalid = null;
  for (const [name, messages] of errors) {
    const input = form.elements.namedItem(name);
    if (input && input.type !== "hidden" && input.id) {
      const message = document.createElement("p");
      message.className = "field-error";
      message.id = `${input.id}-error`;
      message.textContent = messages.join(" ");
      // After the label, not inside it, so that the message describes the field without renaming it.
      (input.closest("label") ?? input).insertAdjacentElement("afterend", message);
      input.dataset.describedBy = input.getAttribute("aria-describedby") ?? "";
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${message.id} ${input.dataset.describedBy}`.trim());
      firstInvalid ??= input;
    } else {
      lines.push(messages.join(" "));
    }
  }
  summary.textContent = lines.join(" ");
  summary.hidden = false;
  (firstInvalid ?? summary).focus();
}

function clearProblem(form) {
  form.querySelectorAll(".field-error").forEach((e) => e.remove());
  form.querySelectorAll("[aria-invalid]").forEach((input) => {
    input.removeAttribute("aria-invalid");
    if (input.dataset.describedBy) {
      input.setAttribute("aria-describedby", input.dataset.describedBy);
    } else {
      input.removeAttribute("aria-describedby");
    }
  });
  const summary = form.querySelector(".problem");
  summary.hidden = true;
  summary.textContent = "";
}

// Asks for the password again in the step-up dialog; resolves once the API took it, rejects when cancelled.
function stepUp() {
  const dialog = document.getElementById("step-up");
  const form = dialog.querySelector("form");
  form.reset();
  clearProblem(form);
  dialog.showModal();
  return new Promise((resolve, reject) => {
    form.onsubmit = async (event) => {
      event.preventDefault();
      const answer = await send("POST", form.action, bodyOf(form));
      if (answer.ok) {
        dialog.close();
        resolve();
      } else {
        showProblem(form, answer.status, answer.body);
      }
    };
    dialog.onclose = () => reject(new Error("step-up cancelled"));
  });
}

async function submit(form) {
  const button = form.querySelector("button[type=submit], button:not([type])");
  const method = (form.dataset.method || "POST").toUpperCase();
  const body = method === "GET" || method === "DELETE" ? undefined : bodyOf(form);
  if (button) {
    button.disabled = true;
  }
  try {
    let answer = await send(method, form.action, body);
    if (answer.status === 403 && answer.body && answer.body.type === stepUpRequired) {
      try {
        await stepUp();
      } catch {
        clearProblem(form);
        return;
      }
      answer = await send(method, form.action, body);
    }
    if (answer.status === 401 && answer.body && answer.body.type === signInRequired && document.querySelector('meta[name="csrf-token"]')) {
      location.assign("/login?next=" + encodeURIComponent(location.pathname + location.search));
      return;
    }
    if (!answer.ok) {
      showProblem(form, answer.status, answer.body);
      return;
    }
    clearProblem(form);
    done(form, answer.body ?? {});
  } catch {
    showProblem(form, 0, { title: "CallPing could not be reached", detail: "check the connection and try again." });
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

function done(form, body) {
  if (form.dataset.then) {
    then[form.dataset.then](form, body);
  } else if (form.dataset.next) {
    location.assign(form.dataset.next.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(body[name] ?? "")));
  } else if (form.dataset.done) {
    form.hidden = true;
    reveal(document.getElementById(form.dataset.done));
  }
}

// Gives the forms and buttons under root their behaviour: the page's at first, a live region's after it is rendered again.
function wire(root) {
  for (const form of root.querySelectorAll("form[data-api]")) {
    if (!form.querySelector(".problem")) {
      const summary = Object.assign(document.createElement("p"), { className: "problem", hidden: true, tabIndex: -1 });
      summary.setAttribute("role", "alert");
      form.prepend(summary);
    }
    for (const field of form.querySelectorAll("[data-from-session]")) {
      field.value = sessionStorage.getItem(field.dataset.fromSession) ?? "";
    }
    if (form.closest("#step-up")) {
      continue;
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(form);
    });
  }
  for (const button of root.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(document.getElementById(button.dataset.copy).textContent);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select the key and copy it";
      }
    });
  }
  // Reordering a list without dragging: a button moves its item one place up or down; positions are numbered again.
  for (const button of root.querySelectorAll("button[data-move]")) {
    button.addEventListener("click", () => {
      const item = button.closest("li");
      const up = button.dataset.move === "up";
      const other = up ? item.previousElementSibling : item.nextElementSibling;
      if (other) {
        if (up) {
          other.before(item);
        } else {
          other.after(item);
        }
        item.parentElement.querySelectorAll("[data-position]").forEach((position, i) => (position.textContent = i + 1));
        button.focus();
      }
    });
  }
}

// Live regions: the server sends the version of what a region shows whenever it changes; when it differs from the
// version the region was rendered with, the page is fetched again and the region replaced by its new rendering, so the
// server alone renders and the page works without this script too. EventSource connects again by itself.
const refreshing = new Map();

function follow(region) {
  const source = new EventSource(region.dataset.feed);
  source.addEventListener("version", (event) => {
    const current = document.getElementById(region.id);
    if (current && current.dataset.version !== event.data) {
      refresh(region.id);
    }
  });
}

// Renders the region again; one fetch at a time per region, and one more after it when asked meanwhile.
async function refresh(id) {
  if (refreshing.has(id)) {
    refreshing.set(id, true);
    return;
  }
  refreshing.set(id, false);
  try {
    const response = await fetch(location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    const fresh = response.ok ? new DOMParser().parseFromString(await response.text(), "text/html").getElementById(id) : null;
    const current = document.getElementById(id);
    if (fresh && current) {
      const focused = current.contains(document.activeElement) ? document.activeElement.id : null;
      current.replaceWith(fresh);
      wire(fresh);
      if (focused && document.getElementById(focused)) {
        document.getElementById(focused).focus();
      }
    }
  } catch {
    // The next version event tries again.
  } finally {
    const again = refreshing.get(id);
    refreshing.delete(id);
    if (again) {
      refresh(id);
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  wire(document);
  for (const cancel of document.querySelectorAll("dialog [data-close]")) {
    cancel.addEventListener("click", () => cancel.closest("dialog").close());
  }
  for (const region of document.querySelectorAll("[data-feed]")) {
    follow(region);
  }
});
