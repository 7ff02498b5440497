// SPDX-License-Identifier: MIT
#include "url_findings.hpp"

namespace marginalia::plugins::urls {

const sdk::CodeTable code_table{
    {"urls/ok", sdk::Severity::note, "A cited URL answers (reported only with the report_ok option)."},
    {"urls/redirected", sdk::Severity::warning, "A cited URL has moved permanently; the new address is suggested."},
    {"urls/temporary-redirect", sdk::Severity::note, "A cited URL redirects temporarily (reported only with report_temporary_redirects)."},
    {"urls/not-found", sdk::Severity::error, "A cited URL answers 404 Not Found or 410 Gone, or a DOI is not registered."},
    {"urls/client-error", sdk::Severity::warning, "A cited URL answers another 4xx status (401, 403, 451…)."},
    {"urls/server-error", sdk::Severity::warning, "A cited URL answers 5xx, still after retries."},
    {"urls/timeout", sdk::Severity::warning, "A cited URL did not answer in time, or answered too slowly."},
    {"urls/dns-failure", sdk::Severity::error, "The host name of a cited URL does not resolve."},
    {"urls/tls-error", sdk::Severity::error, "A cited https URL failed certificate verification or the TLS handshake."},
    {"urls/unreachable", sdk::Severity::error, "A cited URL's server refused or reset the connection."},
    {"urls/blocked-address", sdk::Severity::warning, "A cited URL leads to a private, loopback or other internal address and was not checked."},
    {"urls/blocked-scheme", sdk::Severity::warning, "A cited link uses a scheme other than http or https (file:, ftp:…), or redirects to one."},
    {"urls/too-many-redirects", sdk::Severity::error, "A cited URL redirects in a loop or through more than 10 hops."},
    {"urls/rate-limited", sdk::Severity::warning, "A cited URL's server asked to wait longer than the checker will (429/503 Retry-After)."},
    {"urls/malformed", sdk::Severity::error, "A URL is written so that it cannot be parsed (bad host, port, scheme or slashes)."},
    {"urls/invalid-doi", sdk::Severity::error, "A DOI does not have DOI syntax (10.NNNN/suffix)."},
    {"urls/bad-response", sdk::Severity::warning,
     "A cited URL's server answered, but not in valid HTTP (a broken status line, HTTP/0.9, oversized headers, a bad Content-Length)."},
    {"urls/check-failed", sdk::Severity::warning, "A cited URL could not be checked for another reason."},
};

namespace {

using sdk::FetchOutcome;

// The host words the status ("HTTP 404 not found"); a bare number is the fallback.
std::string http_text(const sdk::FetchResult& result) {
  if (!result.detail.empty()) return result.detail;
  return "HTTP " + std::to_string(result.http_status);
}

// Differs only by what servers add on their own: a trailing slash, and (for "www." written
// without a scheme) the upgrade to https.
bool same_resource(std::string a, std::string b, bool scheme_free) {
  auto strip = [&](std::string& url) {
    if (!url.empty() && url.back() == '/') url.pop_back();
    if (scheme_free && url.rfind("https://", 0) == 0) url.erase(4, 1);
  };
  strip(a);
  strip(b);
  return a == b;
}

sdk::Finding make(const Cited& cited, const std::string& code, std::string message) {
  sdk::Finding finding = code_table.finding(code, cited.citations.front().span, std::move(message));
  for (std::size_t i = 1; i < cited.citations.size(); ++i)
    finding.related.push_back({cited.citations[i].span, "also cited here"});
  return finding;
}

// How the message names the URL: as written, or "DOI 10.…" for a DOI written as such.
std::string shown(const Cited& cited) {
  const std::string& written = cited.citations.front().written;
  if (cited.kind == CitedKind::doi && written.find("doi.org") == std::string::npos) return "DOI " + cited.doi;
  return written;
}

}  // namespace

Verdict judge(const Cited& cited, const std::optional<sdk::FetchResult>& checked, const ReportOptions& options) {
  Verdict verdict;
  const Citation& first = cited.citations.front();
  switch (cited.kind) {
    case CitedKind::malformed: {
      verdict.status = "malformed";
      sdk::Finding finding = make(cited, "urls/malformed", "\"" + first.written + "\" is not a valid URL: " + cited.problem);
      if (!cited.fix.empty()) {
        finding.message += "; did you mean " + cited.fix + "?";
        if (first.span_is_url) finding.replacement = cited.fix;
      }
      verdict.finding = std::move(finding);
      return verdict;
    }
    case CitedKind::invalid_doi:
      verdict.status = "invalid-doi";
      verdict.finding = make(cited, "urls/invalid-doi", "\"" + cited.doi + "\" is not a valid DOI: " + cited.problem);
      return verdict;
    case CitedKind::blocked_scheme:
      verdict.status = "blocked-scheme";
      verdict.finding = make(cited, "urls/blocked-scheme",
                             first.written + " uses the " + cited.scheme + ": scheme; readers of a published report can only follow http and https links");
      return verdict;
    case CitedKind::web:
    case CitedKind::doi:
      break;
  }
  if (!checked || checked->outcome == FetchOutcome::offline) {
    verdict.status = "unchecked";
    return verdict;
  }
  const sdk::FetchResult& result = *checked;
  std::string url = shown(cited);
  bool is_doi = cited.kind == CitedKind::doi;
  // doi.org redirecting means the DOI is registered; what the publisher then says to a robot
  // (often 403) is not the report's problem.
  if (is_doi && !result.redirects.empty() && result.outcome != FetchOutcome::blocked_address && result.outcome != FetchOutcome::blocked_scheme) {
    verdict.status = "ok";
    if (options.report_ok) verdict.finding = make(cited, "urls/ok", url + " resolves (doi.org redirects to " + result.redirects.front() + ")");
    return verdict;
  }
  // A failure is reported under the code named after its status.
  auto fail = [&](const char* status, std::string message) {
    verdict.status = status;
    verdict.finding = make(cited, std::string("urls/") + status, std::move(message));
    return verdict;
  };
  // "<url> <what happened>: <the fetch's own detail, or `otherwise`>"
  auto fail_with_detail = [&](const char* status, const char* what_happened, const char* otherwise) {
    return fail(status, url + " " + what_happened + ": " + (result.detail.empty() ? otherwise : result.detail));
  };
  switch (result.outcome) {
    case FetchOutcome::ok:
      verdict.status = "ok";
      if (options.report_ok) verdict.finding = make(cited, "urls/ok", url + " answers HTTP " + std::to_string(result.http_status));
      return verdict;
    case FetchOutcome::redirected: {
      bool www = first.written.rfind("www.", 0) == 0;
      if (is_doi || same_resource(cited.request, result.final_url, www)) {
        verdict.status = "ok";
        if (options.report_ok) verdict.finding = make(cited, "urls/ok", url + " answers HTTP " + std::to_string(result.http_status));
        return verdict;
      }
      if (result.permanent_redirect) {
        verdict.status = "redirected";
        sdk::Finding finding = make(cited, "urls/redirected", url + " has moved permanently to " + result.final_url);
        if (first.span_is_url) finding.replacement = result.final_url;
        verdict.finding = std::move(finding);
        return verdict;
      }
      verdict.status = "temporary-redirect";
      if (options.report_temporary_redirects)
        verdict.finding = make(cited, "urls/temporary-redirect", url + " redirects to " + result.final_url);
      return verdict;
    }
    case FetchOutcome::client_error:
      if (result.http_status == 404 || result.http_status == 410) {
        if (is_doi) return fail("not-found", "DOI " + cited.doi + " is not registered: doi.org answers " + http_text(result));
        return fail("not-found", url + " answers " + http_text(result));
      }
      return fail("client-error", url + " answers " + http_text(result));
    case FetchOutcome::server_error:
      return fail("server-error", url + " answers " + http_text(result));
    case FetchOutcome::timeout:
      return fail_with_detail("timeout", "did not answer in time", "timed out");
    case FetchOutcome::dns_failure:
      return fail_with_detail("dns-failure", "cannot be reached", "the host name does not resolve");
    case FetchOutcome::tls_failure:
      return fail_with_detail("tls-error", "failed TLS verification", "certificate problem");
    case FetchOutcome::unreachable:
      return fail_with_detail("unreachable", "is unreachable", "connection refused");
    case FetchOutcome::blocked_address:
      return fail("blocked-address",
                  url + " was not checked: " + (result.detail.empty() ? "it leads to an internal address" : result.detail) +
                      " (allow a range with --allow-net)");
    case FetchOutcome::blocked_scheme:
      return fail_with_detail("blocked-scheme", "was not followed", "not http or https");
    case FetchOutcome::too_many_redirects:
      return fail_with_detail("too-many-redirects", "cannot be followed", "too many redirects");
    case FetchOutcome::rate_limited:
      return fail_with_detail("rate-limited", "was not checked to the end", "rate limited");
    case FetchOutcome::malformed:
      return fail("malformed", "\"" + first.written + "\" is not a valid URL: " + (result.detail.empty() ? "it does not parse" : result.detail));
    case FetchOutcome::offline:
      verdict.status = "unchecked";
      return verdict;
    case FetchOutcome::bad_response:
      return fail("bad-response",
                  url + " answers something that is not HTTP: " + (result.detail.empty() ? "an invalid response" : result.detail));
    case FetchOutcome::failed:
      break;
  }
  return fail_with_detail("check-failed", "could not be checked", "unknown failure");
}

}  // namespace marginalia::plugins::urls
