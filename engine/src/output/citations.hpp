#pragma once

// How a citation is written, in one style for every format (README "Citations"): a short
// form beside each event ("Browne 1910, p. 201") and a full entry in a bibliography
// ("Browne, E. G. (1910). The Persian Revolution of 1905–1909. Cambridge University
// Press."), author-date as APA and Chicago write them.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/timeline.hpp"

namespace annals {

class presentation;  // output/presentation.hpp

/// "p. 201", "pp. 45–47"; "" without a page. The note, if any, is not part of it.
std::string locator_text(const citation& c);

/// "Browne 1910": the first author's surname (two: "Browne and Keddie"; more: "Browne et
/// al.") and the year; the title when there is no author; the id when there is neither.
std::string short_citation(const source* s, std::string_view id);

/// "Browne 1910, p. 201; on the date of the coup": the short form, the locator and the note.
std::string cited_text(const source* s, std::string_view id, const citation* c);

/// A bibliography entry in three parts, so that a format can mark the title (a link, in
/// markdown and html): "Browne, E. G. (1910). " + title + ". Cambridge University Press."
struct bibliography_entry {
  std::string lead;   // author and year: "Browne, E. G. (1910). "; "" when neither is known
  std::string title;  // the title, else the id
  std::string tail;   // ". Cambridge University Press." — always ends in "."
};
bibliography_entry full_citation(const source* s, std::string_view id);

/// A note: the full entry with the locator and the note, as plain text: "Browne, E. G.
/// (1910). The Persian Revolution of 1905–1909. Cambridge University Press. p. 201."
std::string note_text(const source* s, std::string_view id, const citation* c);

/// A bibliography entry's sort key: the author, else the title, lower-cased.
std::string bibliography_key(const source* s, std::string_view id);

/// Whether a document cites as a book does, with numbered notes and a bibliography: some
/// source has an author or some citation a page or a note. Else markdown and html list
/// the sources as links, as before citations had pages.
bool cites_with_notes(const presentation& p);

/// Numbers for the notes of a document: each distinct citation (source, locator and note)
/// gets the next number the first time it is cited; the same citation keeps its number.
/// A source's first note is its full entry with the locator (note_text), its later notes
/// the short form ("Browne 1910, p. 201."), as notes with a bibliography are written.
class note_numbers {
 public:
  /// The number of the note of this citation (1-based), and whether it is new.
  std::pair<std::size_t, bool> number(const source* s, std::string_view id, const citation* c);
  /// The notes in number order: (source id, cited text).
  const std::vector<std::pair<std::string, std::string>>& notes() const { return notes_; }

 private:
  std::vector<std::pair<std::string, std::string>> notes_;
  std::unordered_map<std::string, std::size_t> index_;  // id '\0' short form -> number
  std::unordered_map<std::string, bool> noted_;          // source ids with a note
};

}  // namespace annals
