from mlnotes.book.i18n import tr

IS_A, PART_OF = tr("属于", "is a"), tr("属于", "belongs to")
DL, ML = tr("深度学习", "deep learning"), tr("机器学习", "machine learning")
triples = [("LeNet-5", IS_A, "CNN"), ("CNN", PART_OF, DL), ("LSTM", IS_A, "RNN"), ("RNN", PART_OF, DL),
           ("Transformer", PART_OF, DL), (DL, PART_OF, ML)]          # the "属于" edges of 2.3.3
triples.append(("GRU", IS_A, "RNN"))                                  # the new fact


def ancestors(entity):
    """Follow the 属于 edges upwards, as on the page."""
    chain = []
    while parents := [t for h, r, t in triples if h == entity and r in (IS_A, PART_OF)]:
        entity = parents[0]
        chain.append(entity)
    return chain


chain = ancestors("GRU")
print(tr(f"问：GRU 属于哪些领域？答：{' → '.join(chain)}（推理了 {len(chain)} 步，只加了 1 条三元组）。",
         f"Q: which fields does GRU belong to? A: {' → '.join(chain)} ({len(chain)} steps of inference from 1 new triple)."))
