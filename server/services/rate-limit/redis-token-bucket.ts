import "server-only";
import { defineScript } from "redis";

/**
 * The token bucket of postgres-bucket.ts as one Lua script, so the refill,
 * the take and the write are atomic on the Redis server (scripts run one at a
 * time there). Time is the server's own (TIME), never a caller's clock, so
 * app processes with skewed clocks still share one rate.
 *
 * KEYS[1] the bucket; ARGV: limit, tokens per second, 1 to take a token or
 * 0 to only look. The hash holds `tokens` (a float) and `ts` (ms). A take
 * sets the key to expire once the bucket would be full again, since a
 * missing key reads as a full bucket: an idle key costs Redis nothing.
 * Replies { allowed 0|1, tokens left as a string } (Lua numbers would be
 * truncated to integers on the way out).
 */
const SCRIPT = `
local limit = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local take = ARGV[3] == '1'
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = limit
else
  tokens = math.min(limit, tokens + math.max(0, now - ts) * rate / 1000)
end
local allowed = tokens >= 1
if take then
  if allowed then tokens = tokens - 1 end
  redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.3f', now))
  redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((limit - tokens) / rate * 1000)))
end
return { allowed and 1 or 0, string.format('%.17g', tokens) }
`;

export const TOKEN_BUCKET_SCRIPT = defineScript({
  SCRIPT,
  NUMBER_OF_KEYS: 1,
  parseCommand(parser, key: string, limit: number, ratePerSecond: number, take: boolean) {
    parser.pushKey(key);
    parser.push(String(limit), String(ratePerSecond), take ? "1" : "0");
  },
  transformReply: (reply: unknown) => {
    const [allowed, tokens] = reply as [number, string];
    return { allowed: allowed === 1, tokens: Number(tokens) };
  },
});
