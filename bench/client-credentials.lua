-- wrk script: POST /oauth2/token with grant_type=client_credentials and HTTP Basic client
-- authentication. run-token-bench.sh passes the form body and the Basic credentials through
-- the environment (BENCH_BODY, BENCH_BASIC); the secret never appears on a command line.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. (os.getenv("BENCH_BASIC") or "")

-- one machine-readable line for run-token-bench.sh (latencies in microseconds)
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d non2xx3xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
