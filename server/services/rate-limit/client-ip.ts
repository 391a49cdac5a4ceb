/**
 * The caller's IP as the proxy in front of the app reports it (first
 * X-Forwarded-For hop, else X-Real-IP). Without a proxy every caller shares
 * the "unknown" bucket, which fails closed rather than open.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : "unknown";
}
