"""List the tensors in a torch.save state_dict file without PyTorch, using only the standard library.

The file is a zip archive: <archive>/data.pkl holds the pickled dictionary, <archive>/data/<key> the bytes of each
storage. A custom Unpickler resolves the few globals torch.save uses to stand-ins and records every global asked
for, so nothing named by the file is imported or run. Prints JSON:
  {"archive": ..., "globals": [...], "tensors": [{"name", "storage", "shape", "stride", "offset",
   "requires_grad", "numel", "record_bytes"}, ...]}
with the tensors in the dictionary's order.

Usage: python3 list_state_dict.py FILE
"""
import json
import pickle
import sys
import zipfile


def rebuild_tensor_v2(storage, offset, shape, stride, requires_grad, hooks, metadata=None):
    return dict(storage, offset=offset, shape=list(shape), stride=list(stride), requires_grad=requires_grad)


class StateDictUnpickler(pickle.Unpickler):
    def __init__(self, file, archive, zip_file):
        super().__init__(file)
        self.globals = []
        self.archive = archive
        self.zip_file = zip_file

    def find_class(self, module, name):
        self.globals.append(f"{module}.{name}")
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return rebuild_tensor_v2
        if (module, name) == ("collections", "OrderedDict"):
            return dict
        if module == "torch" and name.endswith("Storage"):
            return name
        raise pickle.UnpicklingError(f"unexpected global {module}.{name}")

    def persistent_load(self, pid):
        kind, storage, key, location, numel = pid
        if kind != "storage":
            raise pickle.UnpicklingError(f"unexpected persistent id {pid!r}")
        record = self.zip_file.getinfo(f"{self.archive}/data/{key}")
        return {"storage": storage, "location": location, "numel": numel, "record_bytes": record.file_size}


def main(path):
    with zipfile.ZipFile(path) as zip_file:
        archive = zip_file.namelist()[0].split("/")[0]
        with zip_file.open(f"{archive}/data.pkl") as pkl:
            unpickler = StateDictUnpickler(pkl, archive, zip_file)
            state = unpickler.load()
    tensors = [dict(value, name=name) for name, value in state.items()]
    json.dump({"archive": archive, "globals": sorted(set(unpickler.globals)), "tensors": tensors}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
