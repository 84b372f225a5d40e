package api

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// jsonType is the content type of every JSON answer.
const jsonType = "application/json; charset=utf-8"

// writeJSON writes v as the JSON answer with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the text stays readable: «<» is «<», not \u003c
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		fmt.Fprintf(&buf, `{"error":%q}`+"\n", "encoding the answer: "+err.Error())
	}
	h := w.Header()
	h.Set("Content-Type", jsonType)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorBody is every error's answer.
type errorBody struct {
	Error string `json:"error"`
}

// writeError writes {"error": "…"} with status.
func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, errorBody{Error: fmt.Sprintf(format, args...)})
}

// failed answers 500 for an error of the store (or another part that is
// not the request's fault), and logs it.
func (a *api) failed(w http.ResponseWriter, r *http.Request, err error) {
	a.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "%v", err)
}

// logged logs a line per request (method, path, status, bytes, duration)
// and turns a panic into a 500 answer.
func (a *api) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		lw := &loggedWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				a.log.Error("handler panicked", "method", r.Method, "path", r.URL.Path, "panic", p)
				if lw.status == 0 {
					writeError(lw, http.StatusInternalServerError, "internal error")
				}
			}
			a.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", cmp.Or(lw.status, http.StatusOK),
				"bytes", lw.bytes, "took_ms", float64(time.Since(start).Microseconds())/1000, "remote", r.RemoteAddr)
		}()
		next.ServeHTTP(lw, r)
	})
}

// loggedWriter counts what a handler writes.
type loggedWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *loggedWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *loggedWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *loggedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// errParam is a query parameter that cannot be read: a 400.
type errParam struct {
	name, msg string
}

func (e *errParam) Error() string { return e.name + ": " + e.msg }

// badRequest answers 400 when err is a bad parameter and reports whether
// it did.
func badRequest(w http.ResponseWriter, err error) bool {
	var pe *errParam
	if errors.As(err, &pe) {
		writeError(w, http.StatusBadRequest, "%s", pe.Error())
		return true
	}
	return false
}

// limitParam reads the limit parameter: def when absent, at most max.
func limitParam(r *http.Request, def, max int) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &errParam{"limit", fmt.Sprintf("%q is not a whole number of at least 1", v)}
	}
	return min(n, max), nil
}
