"""Import a file into a fresh doccano sequence-labeling project with doccano's own import
pipeline (`data_import.datasets.load_dataset`, the code its upload view runs) and print
what doccano stored, as JSON: {"errors", "examples": [{"text", "meta", "spans"}]}.

Run with the Python of an environment where doccano is installed (see .ci/clients):
    python doccano_import.py FILE JSONL|CoNLL
doccano is a Django server; here it runs on a throwaway SQLite database, offline.
"""

import json
import os
import sys
import tempfile
from pathlib import Path


def main(path: str, file_format: str) -> None:
    import backend

    sys.path.insert(0, str(Path(backend.__file__).parent))
    work = tempfile.mkdtemp(prefix="doccano-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.development"
    os.environ["DATABASE_URL"] = f"sqlite:///{work}/doccano.db"
    os.environ.setdefault("SECRET_KEY", "test-only")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User

    from data_import.datasets import load_dataset
    from data_import.pipeline.catalog import create_file_format
    from data_import.pipeline.readers import FileName
    from examples.models import Example
    from projects.models import ProjectType, SequenceLabelingProject

    user = User.objects.create(username="seedread")
    project = SequenceLabelingProject.objects.create(
        name="seedread", project_type=ProjectType.SEQUENCE_LABELING, created_by=user)
    name = Path(path).name
    dataset = load_dataset(ProjectType.SEQUENCE_LABELING, create_file_format(file_format),
                           [FileName(full_path=path, generated_name=name, upload_name=name)],
                           project, delimiter=" ")
    dataset.save(user)
    examples = [
        {"text": example.text, "meta": example.meta,
         "spans": sorted([span.start_offset, span.end_offset, span.label.text]
                         for span in example.spans.all())}
        for example in Example.objects.filter(project=project).order_by("id")
    ]
    print(json.dumps({"errors": [e.dict() for e in dataset.errors], "examples": examples},
                     ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
