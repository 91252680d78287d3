"""Create the benchmark's PostgreSQL database named by DATABASE_URL when it does not exist yet."""

import os
import sys

import dj_database_url
import psycopg2


def main():
    settings = dj_database_url.parse(os.environ["DATABASE_URL"])
    if "postgresql" not in settings["ENGINE"]:
        sys.exit("make bench cần PostgreSQL: DATABASE_URL=postgres://…")
    name = settings["NAME"]
    connection = psycopg2.connect(dbname="postgres", user=settings["USER"], password=settings["PASSWORD"],
                                  host=settings["HOST"] or None, port=settings["PORT"] or None)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
            print(f"Đã tạo cơ sở dữ liệu {name}.")
    connection.close()


if __name__ == "__main__":
    main()
