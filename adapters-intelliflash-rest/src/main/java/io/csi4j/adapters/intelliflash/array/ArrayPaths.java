package io.csi4j.adapters.intelliflash.array;

/** Dataset and snapshot paths: {@code <pool>/Local/<project>/<name>}, {@code <dataset>@<stored snapshot name>}. */
public final class ArrayPaths {

    private ArrayPaths() {}

    public static String project(String pool, String project) {
        return pool + "/Local/" + project;
    }

    public static String dataset(String pool, String project, String name) {
        return project(pool, project) + "/" + name;
    }

    public static String snapshot(String datasetPath, String storedName) {
        return datasetPath + "@" + storedName;
    }
}
