// nlohmann-json's SAX interface feeding MemberEvents. nlohmann::json::sax_parse reports no
// position with its events (3.11), only with a syntax error, so the input runs through an
// iterator that records how far the lexer has read: decoding errors then point at the
// end of the token just read.
#include <nlohmann/json.hpp>

#include <iterator>

#include "parsers.hpp"

namespace bench_json {

namespace {

// A pointer into the text that writes where it stands to a shared mark as it advances.
struct MarkingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char** mark = nullptr;

  reference operator*() const { return *at; }
  MarkingIterator& operator++() {
    *mark = ++at;
    return *this;
  }
  MarkingIterator operator++(int) {
    MarkingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const MarkingIterator& other) const { return at == other.at; }
};

class Handler final : public nlohmann::json_sax<nlohmann::json> {
 public:
  Handler(const char* begin, const char** mark) : m_begin(begin), m_mark(mark) {}

  bool null() override { return m_events.other(offset(), true); }
  bool boolean(bool value) override { return m_events.boolean(value, offset()); }
  bool number_integer(number_integer_t) override { return m_events.other(offset(), false); }
  bool number_unsigned(number_unsigned_t) override { return m_events.other(offset(), false); }
  bool number_float(number_float_t, const string_t&) override {
    return m_events.other(offset(), false);
  }
  bool string(string_t& text) override { return m_events.string(text, offset()); }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return m_events.start_object(offset()); }
  bool key(string_t& name) override { return m_events.key(name, offset()); }
  bool end_object() override { return m_events.end_object(); }
  bool start_array(std::size_t) override { return m_events.start_array(offset()); }
  bool end_array() override { return m_events.end_array(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    // what(): "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
    // error while parsing value - ..."; the position is a count of bytes read.
    std::string_view what = error.what();
    auto colon = what.find(": ");
    std::string reason(colon == std::string_view::npos ? what : what.substr(colon + 2));
    return m_events.fail(position == 0 ? 0 : position - 1, "malformed JSON: " + reason);
  }

  Parsed take() { return m_events.take(); }
  void fail(std::size_t offset, std::string message) { m_events.fail(offset, std::move(message)); }

 private:
  [[nodiscard]] std::size_t offset() const {
    return static_cast<std::size_t>(*m_mark - m_begin) - 1;
  }
  const char* m_begin;
  const char** m_mark;
  MemberEvents m_events;
};

}  // namespace

Parsed parse_nlohmann(std::string_view text) {
  const char* mark = text.data();
  MarkingIterator first{text.data(), &mark};
  MarkingIterator last{text.data() + text.size(), &mark};
  Handler handler(text.data(), &mark);
  bool ok =
      nlohmann::json::sax_parse(first, last, &handler, nlohmann::json::input_format_t::json, true);
  // The lexer takes a NUL byte for the end of the input, so `{...}` NUL `anything` parses.
  if (ok && mark < last.at) {
    handler.fail(static_cast<std::size_t>(mark - text.data()) - 1,
                 "malformed JSON: unexpected content after the JSON value");
  }
  return handler.take();
}

}  // namespace bench_json
