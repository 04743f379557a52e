/** @module Signs in to a running Cairn over plain HTTP and returns the session cookie, for load tests. */

function cookieFrom(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function hiddenCsrf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('No CSRF token on the sign-in page');
  return match[1];
}

/** @example const cookie = await signInOverHttp('http://127.0.0.1:3000', 'admin', 'password') */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`);
  const cookie = cookieFrom(page);
  const body = new URLSearchParams({ username, password, _csrf: hiddenCsrf(await page.text()) });
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    body,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`Sign-in as ${username} failed with ${response.status}`);
  const signedIn = cookieFrom(response) || cookie;
  // Then the page sign-in leads to, as a browser would, keeping the cookie it answers with: the session then holds
  // what the first page learns once (whether the person has drafts), as a browser's would on every later request.
  const landing = await fetch(`${baseUrl}${response.headers.get('location') ?? '/'}`, { headers: { cookie: signedIn }, redirect: 'manual' });
  await landing.text();
  return cookieFrom(landing) || signedIn;
}
