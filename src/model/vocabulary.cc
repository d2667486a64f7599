// AttributeRows(): the rows of vocabulary.def as data.
#include "medtra/model/vocabulary.h"

namespace medtra::model {

std::span<const AttributeRow> AttributeRows() {
#define MEDTRA_VALUE(enumerator, text)
#define MEDTRA_ATTRIBUTE(Type, member, where, values)                    \
  AttributeRow{VocabularyRow<Type>::kType, VocabularyRow<Type>::kMember, \
               VocabularyRow<Type>::kWhere, Names<Type>()},
  static constexpr AttributeRow kRows[] = {
#include "medtra/model/vocabulary.def"
  };
  return kRows;
}

}  // namespace medtra::model
