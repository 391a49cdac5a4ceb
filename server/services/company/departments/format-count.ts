import "server-only";

/** "1 team", "3 teams", "2 active or paused positions". */
export const formatCount = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${n === 1 ? noun : `${noun}s`}`;
