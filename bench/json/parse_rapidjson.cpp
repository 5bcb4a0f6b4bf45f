// RapidJSON's SAX Reader feeding MemberEvents. The stream's Tell() is the byte offset of
// each event (just past its token; at a bracket), and GetErrorOffset() that of a syntax error.
#include <rapidjson/error/en.h>
#include <rapidjson/filereadstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "parsers.hpp"

namespace bench_json {

namespace {

template <typename Stream>
class Handler final : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler<Stream>> {
 public:
  explicit Handler(const Stream& stream) : m_stream(stream) {}

  // BaseReaderHandler sends every number here.
  bool Default() { return m_events.other(offset(), false); }
  bool Null() { return m_events.other(offset(), true); }
  bool Bool(bool value) { return m_events.boolean(value, offset()); }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return m_events.string({text, length}, offset());
  }
  // The iterative parser calls these before taking the bracket: Tell() is the bracket.
  bool StartObject() { return m_events.start_object(m_stream.Tell()); }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    return m_events.key({text, length}, offset());
  }
  bool EndObject(rapidjson::SizeType) { return m_events.end_object(); }
  bool StartArray() { return m_events.start_array(m_stream.Tell()); }
  bool EndArray(rapidjson::SizeType) { return m_events.end_array(); }

  MemberEvents& events() { return m_events; }

 private:
  [[nodiscard]] std::size_t offset() const { return m_stream.Tell() - 1; }
  const Stream& m_stream;
  MemberEvents m_events;
};

// RapidJSON takes a NUL byte for the end of the input (a stream's Peek() returns '\0' there),
// so it would accept `{...}` NUL `anything`: the parse must also have reached `size`.
template <typename Stream>
Parsed parse(Stream& stream, std::size_t size) {
  Handler<Stream> handler(stream);
  rapidjson::Reader reader;
  // Iterative: the default recursive descent would overflow the stack on deep nesting
  // before MemberEvents could refuse it.
  constexpr unsigned k_flags =
      rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  auto ok = reader.Parse<k_flags>(stream, handler);
  if (!ok && ok.Code() != rapidjson::kParseErrorTermination) {
    handler.events().fail(ok.Offset(),
                          std::string("malformed JSON: ") + rapidjson::GetParseError_En(ok.Code()));
  }
  if (ok && stream.Tell() < size) {
    handler.events().fail(stream.Tell(), "malformed JSON: unexpected content after the JSON value");
  }
  return handler.events().take();
}

}  // namespace

Parsed parse_rapidjson(std::string_view text) {
  // Not a StringStream: the Reader parses a copy of one inside each string and number
  // (StreamTraits::copyOptimization), so its Tell() would lag behind during the events.
  rapidjson::MemoryStream stream(text.data(), text.size());
  return parse(stream, text.size());
}

Parsed parse_rapidjson_file(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return {{}, true, {0, "cannot read snapshot"}};
  std::array<char, 65536> buffer{};
  rapidjson::FileReadStream stream(file, buffer.data(), buffer.size());
  std::error_code error;
  auto size = static_cast<std::size_t>(std::filesystem::file_size(path, error));
  Parsed parsed = parse(stream, error ? 0 : size);
  std::fclose(file);
  return parsed;
}

}  // namespace bench_json
